package com.coastline.identity.config;

import java.util.List;

import com.coastline.identity.key.KeyRing;
import com.coastline.identity.token.TokenIssuerProperties;
import com.coastline.platform.web.problem.ProblemResponseWriter;
import com.coastline.platform.web.security.CoastlineSecurityProperties;
import com.coastline.platform.web.security.ProblemAccessDeniedHandler;
import com.coastline.platform.web.security.ProblemAuthenticationEntryPoint;
import com.coastline.platform.web.tenant.PrincipalKind;
import com.coastline.platform.web.tenant.Tenant;
import com.coastline.platform.web.tenant.TenantClaimsValidator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * identity-service as a resource server for its own APIs, under platform-web's rules: the same
 * chain as platform-web's default (stateless, problems for 401/403, health open) and the same
 * validators (expiry required, issuer, audience, tenant claims, allow-listed algorithms). It differs
 * in one point: the keys come from the {@link KeyRing} in process instead of over HTTP from its own
 * JWKS, and the issuer it requires is the one it signs with.
 */
@Configuration(proxyBeanMethods = false)
class ResourceServerConfiguration {

	@Bean
	JwtDecoder jwtDecoder(KeyRing keyRing, TokenIssuerProperties issuer, CoastlineSecurityProperties security) {
		CoastlineSecurityProperties.Jwt jwt = security.jwt();
		List<SignatureAlgorithm> allowed = jwt.algorithms().stream().map(SignatureAlgorithm::from).toList();
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keyRing).jwsAlgorithms(algorithms -> {
			algorithms.clear();
			algorithms.addAll(allowed);
		}).build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator(jwt.clockSkew());
		timestamps.setAllowEmptyExpiryClaim(false);
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps,
				new JwtIssuerValidator(issuer.issuer()), new JwtAudienceValidator(jwt.audience()),
				new TenantClaimsValidator()));
		return decoder;
	}

	@Bean
	@Order(1)
	SecurityFilterChain resourceServerFilterChain(HttpSecurity http, CoastlineSecurityProperties properties,
			JwtAuthenticationConverter jwtAuthenticationConverter, ProblemResponseWriter problemWriter) throws Exception {
		ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problemWriter);
		ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler(problemWriter);
		AuthorizationManager<RequestAuthorizationContext> admin = AuthorizationManagers.allOf(backOfficeToken(),
				AuthorityAuthorizationManager.hasRole("admin"));
		http.authorizeHttpRequests(requests -> {
			requests.requestMatchers("/actuator/health/**").permitAll();
			if (!properties.publicPaths().isEmpty()) {
				requests.requestMatchers(properties.publicPaths().toArray(String[]::new)).permitAll();
			}
			requests.requestMatchers(HttpMethod.POST, "/api/workspaces")
				.access(admin)
				.requestMatchers(HttpMethod.GET, "/api/workspaces")
				.access(admin)
				.requestMatchers("/api/**")
				.access(backOfficeToken())
				.anyRequest()
				.authenticated();
		})
			.oauth2ResourceServer(resourceServer -> resourceServer
				.jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter))
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Bearer tokens only, no cookie session: nothing for CSRF to protect (as in platform-web).
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable);
		return http.build();
	}

	/** Back-office APIs serve staff and services; a portal client's token gets 403 (docs/SERVICES.md). */
	private static AuthorizationManager<RequestAuthorizationContext> backOfficeToken() {
		return (authentication, context) -> new AuthorizationDecision(authentication.get() instanceof JwtAuthenticationToken token
				&& Tenant.from(token.getToken()).kind() != PrincipalKind.CLIENT);
	}
}
