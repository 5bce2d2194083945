package com.coastline.platform.web.client;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Passes the caller's bearer token on to the service being called, so that it enforces the same
 * workspace and contact (SECURITY.md). Only on the request's thread (the security context is
 * thread-bound), never over an {@code Authorization} the call already set, and, when
 * {@code coastline.http.client.token-relay-hosts} is set, only to those hosts.
 */
public class BearerTokenRelayInterceptor implements ClientHttpRequestInterceptor {

	private final List<String> relayHosts;

	public BearerTokenRelayInterceptor(List<String> relayHosts) {
		this.relayHosts = List.copyOf(relayHosts);
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		HttpHeaders headers = request.getHeaders();
		if (!headers.containsHeader(HttpHeaders.AUTHORIZATION) && relaysTo(request.getURI())) {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication instanceof JwtAuthenticationToken token) {
				headers.setBearerAuth(token.getToken().getTokenValue());
			}
		}
		return execution.execute(request, body);
	}

	private boolean relaysTo(URI uri) {
		if (this.relayHosts.isEmpty()) {
			return true;
		}
		String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : "";
		return this.relayHosts.contains(host) || this.relayHosts.contains(host + ":" + uri.getPort());
	}
}
