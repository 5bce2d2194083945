package com.coastline.backoffice.config;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import com.coastline.platform.web.problem.ProblemResponseWriter;
import com.coastline.platform.web.problem.ProblemType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The gateway's one filter chain: a browser application. Who is signed in is decided by identity-service from the
 * staff session cookie (the pages redirect to sign-in, the routes answer 401), so Spring Security keeps no
 * session and no authentication of its own; it owns CSRF and the security headers. CSRF on every state-changing
 * request, forms and {@code /api/**} alike: a double-submit cookie ({@code HttpOnly}; the pages carry the token in
 * their forms and in a {@code _csrf} meta tag, which the back-office scripts send as {@code X-CSRF-TOKEN}), and
 * {@link CrossSiteRequestFilter} in front. No CORS configuration: other origins get no CORS headers. The Swagger UI
 * files ({@code /swagger-ui/**}, behind {@code /api-docs}) get {@link #SWAGGER_UI_CONTENT_SECURITY_POLICY}, every
 * other answer {@link #CONTENT_SECURITY_POLICY}.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

	/**
	 * No inline script or style; everything from this origin; no framing.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	/**
	 * The same for Swagger UI's files (the springdoc webjar, from this origin only), but for its stylesheet's icons,
	 * which are {@code data:} images, and its logo's one {@code <style>} element, allowed by its hash (swagger-ui
	 * 5.32; another version's logo is drawn without its colours): no other inline script or style, no other origin.
	 */
	static final String SWAGGER_UI_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; img-src 'self' data:; "
			+ "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	/** Swagger UI's page and files (springdoc serves them under this prefix; {@code /api-docs} redirects there). */
	private static final RequestMatcher SWAGGER_UI = (request) -> request.getRequestURI()
		.startsWith(request.getContextPath() + "/swagger-ui");

	@Bean
	SecurityFilterChain backOfficeSecurityFilterChain(HttpSecurity http, GatewayProperties gateway,
			ProblemResponseWriter problems) throws Exception {
		CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
		csrfTokens.setCookieName(gateway.cookieName("coastline-staff-csrf"));
		csrfTokens.setCookiePath("/");
		csrfTokens.setHeaderName("X-CSRF-TOKEN");
		csrfTokens
			.setCookieCustomizer((cookie) -> cookie.httpOnly(true).secure(gateway.secureCookies()).sameSite("Lax"));
		AccessDeniedHandler denied = denied(problems);
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens))
			.headers((headers) -> headers
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(SWAGGER_UI),
						new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI,
						new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_CONTENT_SECURITY_POLICY)))
				.frameOptions((frames) -> frames.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(denied))
			.addFilterBefore(new CrossSiteRequestFilter(gateway.publicOrigin(), denied), CsrfFilter.class)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.build();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * A request without a valid CSRF token or sent from another site: a 403 problem on {@code /api/**}; elsewhere
	 * a short page that tells a person what to do, rather than a bare error.
	 */
	private static AccessDeniedHandler denied(ProblemResponseWriter problems) {
		byte[] page = """
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
				<title>Please try again</title><link rel="stylesheet" href="/assets/backoffice.css"></head>
				<body><main class="card"><h1>Please try again</h1>
				<p>This form has expired. Go back, reload the page and send it again.</p></main></body></html>
				""".getBytes(StandardCharsets.UTF_8);
		return (request, response, denied) -> {
			if (request.getRequestURI().startsWith("/api/")) {
				problems.write(request, response, ProblemType.FORBIDDEN
					.problem("The request has no valid CSRF token or comes from another site."));
				return;
			}
			response.setStatus(HttpStatus.FORBIDDEN.value());
			response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
			response.getOutputStream().write(page);
		};
	}
}
