package com.coastline.platform.web.security;

import java.util.List;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

import com.coastline.platform.web.problem.ProblemResponseWriter;
import com.coastline.platform.web.tenant.TenantClaimsValidator;

/**
 * The rules every service applies to bearer tokens and requests, usable by a service that builds its own
 * filter chain (identity-service, beside its authorization server) as well as by the default chain.
 */
public final class ResourceServerSecurity {

	private ResourceServerSecurity() {
	}

	/** Expiry required and checked, issuer, audience, and the tenant claims. */
	public static OAuth2TokenValidator<Jwt> validator(CoastlineSecurityProperties.Jwt jwt) {
		JwtTimestampValidator timestamps = new JwtTimestampValidator(jwt.clockSkew());
		// Tokens are short-lived by design; one without an expiry is not ours.
		timestamps.setAllowEmptyExpiryClaim(false);
		return new DelegatingOAuth2TokenValidator<>(List.of(timestamps, new JwtIssuerValidator(jwt.issuer()),
				new JwtAudienceValidator(jwt.audience()), new TenantClaimsValidator()));
	}

	/**
	 * A stateless resource server: health probes and Prometheus open (management port only), other
	 * management endpoints for admin clients, the configured public paths open, back-office paths for
	 * staff and admin clients, everything else authenticated; 401 and 403 as RFC 9457 problems.
	 */
	public static HttpSecurity configure(HttpSecurity http, CoastlineSecurityProperties properties,
			JwtAuthenticationConverter jwtAuthenticationConverter, ProblemResponseWriter problemWriter) throws Exception {
		return configure(http, properties, jwtAuthenticationConverter, problemWriter, (requests) -> {
		});
	}

	/**
	 * The same, with the service's own rules checked before the common ones (the first matching rule
	 * decides), e.g. identity's "only admin clients create workspaces".
	 */
	public static HttpSecurity configure(HttpSecurity http, CoastlineSecurityProperties properties,
			JwtAuthenticationConverter jwtAuthenticationConverter, ProblemResponseWriter problemWriter,
			Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> serviceRules)
			throws Exception {
		ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problemWriter);
		ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler(problemWriter);
		return http.authorizeHttpRequests((requests) -> {
			// The management port is reachable only inside the cluster (no route from outside), so the
			// probes and the Prometheus scrape need no credentials there.
			requests.requestMatchers("/actuator/health/**", "/actuator/prometheus").permitAll();
			serviceRules.customize(requests);
			if (!properties.publicPaths().isEmpty()) {
				requests.requestMatchers(properties.publicPaths().toArray(String[]::new)).permitAll();
			}
			// Other management endpoints (the dead-letter replay command) are for operators with an admin client.
			requests.requestMatchers("/actuator/**").hasRole(BackOfficeAccess.ADMIN_ROLE);
			if (!properties.backOfficePaths().isEmpty()) {
				requests.requestMatchers(properties.backOfficePaths().toArray(String[]::new))
					.access(new BackOfficeAccess());
			}
			if (!properties.portalPaths().isEmpty()) {
				requests.requestMatchers(properties.portalPaths().toArray(String[]::new)).access(new PortalAccess());
			}
			requests.anyRequest().authenticated();
		})
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter))
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// CSRF protects cookie sessions. The gateways own the browser sessions and check CSRF;
			// requests reaching a service carry a bearer token that no browser attaches by itself.
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable);
	}
}
