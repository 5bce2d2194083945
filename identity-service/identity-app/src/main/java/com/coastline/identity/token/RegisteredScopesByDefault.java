package com.coastline.identity.token;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads a client-credentials token request like Spring Authorization Server does, except that a
 * request without {@code scope} gets all the client's registered scopes (the pre-defined default
 * RFC 6749 section 3.3 allows) rather than none, so that {@code curl -d grant_type=client_credentials}
 * yields a token that can do what the client is registered for.
 */
public final class RegisteredScopesByDefault implements AuthenticationConverter {

	private final AuthenticationConverter delegate = new OAuth2ClientCredentialsAuthenticationConverter();

	@Override
	public Authentication convert(HttpServletRequest request) {
		Authentication converted = this.delegate.convert(request);
		if (converted instanceof OAuth2ClientCredentialsAuthenticationToken token && token.getScopes().isEmpty()
				&& token.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
				&& client.getRegisteredClient() != null) {
			RegisteredClient registered = client.getRegisteredClient();
			return new OAuth2ClientCredentialsAuthenticationToken(client, registered.getScopes(),
					token.getAdditionalParameters());
		}
		return converted;
	}
}
