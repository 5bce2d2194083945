package com.coastline.backoffice.routing;

import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * The headers the services get from the gateway about the browser, set last (after Spring Cloud Gateway's own
 * header filters, which drop the browser's {@code X-Forwarded-*} and {@code Forwarded}, since a browser could
 * write anything there): {@code X-Forwarded-For} is exactly the client's IP (the request's remote address, which
 * Tomcat takes from a trusted proxy's {@code X-Forwarded-For} when configured so), and {@code X-Request-Id} the
 * request's id. A service that reads the client's IP takes the last (here: only) entry.
 */
final class ForwardedHeaders implements HttpHeadersFilter.RequestHttpHeadersFilter, Ordered {

	static final String X_FORWARDED_FOR = "X-Forwarded-For";

	@Override
	public HttpHeaders apply(HttpHeaders input, ServerRequest request) {
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(input);
		headers.remove("Forwarded");
		headers.set(X_FORWARDED_FOR, request.servletRequest().getRemoteAddr());
		String id = RequestIds.of(request.servletRequest());
		if (id != null) {
			headers.set(RequestIds.HEADER, id);
		}
		return headers;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
