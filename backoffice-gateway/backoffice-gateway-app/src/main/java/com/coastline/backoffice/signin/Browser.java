package com.coastline.backoffice.signin;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/**
 * The staff member's browser as identity-service records it (audit, per-IP throttles) and as the services see it
 * ({@code X-Forwarded-For}). The IP is the request's remote address: behind a proxy,
 * {@code server.forward-headers-strategy=native} makes Tomcat take it from {@code X-Forwarded-For}, and only from
 * the trusted proxies of {@code server.tomcat.remoteip.internal-proxies}; without that setting the header is never
 * trusted.
 *
 * @param ip the client's IP address
 * @param userAgent its {@code User-Agent}, cut to the 512 characters identity keeps
 */
public record Browser(String ip, String userAgent) {

	private static final int MAX_USER_AGENT = 512;

	public static Browser of(HttpServletRequest request) {
		String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
		if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
			userAgent = userAgent.substring(0, MAX_USER_AGENT);
		}
		return new Browser(request.getRemoteAddr(), (userAgent != null) ? userAgent : "");
	}
}
