package com.coastline.backoffice.config;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A second line behind the CSRF token (SECURITY.md: check {@code Origin} / {@code Sec-Fetch-Site}): a form or API
 * call sent from another site is refused before anything reads it. Browsers that send {@code Sec-Fetch-Site} are
 * judged by it ({@code same-origin}, or {@code none} for what the person did themselves); others by
 * {@code Origin}, which must be the back office's configured public origin. Requests with neither (old browsers,
 * tools) are left to the CSRF token.
 */
class CrossSiteRequestFilter extends OncePerRequestFilter {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

	private final String publicOrigin;

	private final AccessDeniedHandler denied;

	CrossSiteRequestFilter(String publicOrigin, AccessDeniedHandler denied) {
		this.publicOrigin = publicOrigin;
		this.denied = denied;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!SAFE_METHODS.contains(request.getMethod()) && fromAnotherSite(request)) {
			this.denied.handle(request, response, new AccessDeniedException("Sent from another site"));
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean fromAnotherSite(HttpServletRequest request) {
		String fetchSite = request.getHeader("Sec-Fetch-Site");
		if (fetchSite != null) {
			return !OWN_SITE.contains(fetchSite);
		}
		String origin = request.getHeader("Origin");
		return origin != null && !origin.equalsIgnoreCase(this.publicOrigin);
	}
}
