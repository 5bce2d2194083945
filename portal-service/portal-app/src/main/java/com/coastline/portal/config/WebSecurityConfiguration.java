package com.coastline.portal.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.coastline.platform.web.problem.ProblemResponseWriter;
import com.coastline.platform.web.security.CoastlineSecurityProperties;
import com.coastline.platform.web.security.ResourceServerSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two filter chains. The client's pages ({@code /p/**}) are a browser application: no bearer token, CSRF on
 * every form (a double-submit cookie, so no server-side HTTP session), and the security headers of
 * SECURITY.md. Everything else ({@code /api/**} back office, {@code /public/**}, the OpenAPI document) keeps
 * platform-web's stateless resource-server rules, built here because a chain of our own replaces its default.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

	/** The pages' path; {@code /p/assets/**} are their static files ({@code assets} is a reserved slug). */
	static final String PAGES = "/p/**";

	/**
	 * Where the payment provider sends the browser back after a checkout (no portal address in it): a page too,
	 * under the same rules.
	 */
	static final String PAYMENT_RETURN = "/invoices/*";

	@Bean
	@Order(1)
	SecurityFilterChain portalPagesSecurityFilterChain(HttpSecurity http, PagesProperties pages,
			PortalProperties portal) throws Exception {
		CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
		csrfTokens.setCookieName(pages.cookieName("coastline-portal-csrf"));
		csrfTokens.setCookiePath("/");
		csrfTokens.setCookieCustomizer((cookie) -> cookie.httpOnly(true).secure(pages.secureCookies()).sameSite("Lax"));
		AccessDeniedHandler formExpired = formExpired();
		return http.securityMatcher(PAGES, PAYMENT_RETURN)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(contentSecurityPolicy(portal, pages)))
				.frameOptions((frames) -> frames.deny())
				// The one-tap link's token is in the URL: no page may leak it in a Referer.
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(formExpired))
			.addFilterBefore(new CrossSiteFormFilter(portal.publicBaseUrl(), formExpired), CsrfFilter.class)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain backOfficeSecurityFilterChain(HttpSecurity http, CoastlineSecurityProperties properties,
			JwtAuthenticationConverter jwtAuthenticationConverter, ProblemResponseWriter problemWriter) throws Exception {
		return ResourceServerSecurity.configure(http, properties, jwtAuthenticationConverter, problemWriter).build();
	}

	/**
	 * No inline script or style anywhere (the accent colour comes from a per-portal stylesheet); logos from
	 * this service, also under its configured public address. Forms go to this service, and the Pay form's
	 * redirect to the payment provider's checkout origins (Chrome applies {@code form-action} to it).
	 */
	static String contentSecurityPolicy(PortalProperties portal, PagesProperties pages) {
		URI base = portal.publicBaseUrl();
		String publicOrigin = base.getScheme() + "://" + base.getAuthority();
		StringBuilder formAction = new StringBuilder("'self'");
		pages.paymentOrigins().forEach((origin) -> formAction.append(' ').append(origin));
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' " + publicOrigin
				+ "; object-src 'none'; base-uri 'none'; form-action " + formAction + "; frame-ancestors 'none'";
	}

	/**
	 * A form without a valid CSRF token (tampered, or its cookie gone) or sent from another site: 403 with a
	 * short page that tells a person what to do, rather than a bare error.
	 */
	private static AccessDeniedHandler formExpired() {
		byte[] page = """
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
				<title>Please try again</title><link rel="stylesheet" href="/p/assets/portal.css"></head>
				<body><main class="card"><h1>Please try again</h1>
				<p>This form has expired. Go back, reload the page and send it again.</p></main></body></html>
				""".getBytes(StandardCharsets.UTF_8);
		return (request, response, denied) -> {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
			response.getOutputStream().write(page);
		};
	}
}
