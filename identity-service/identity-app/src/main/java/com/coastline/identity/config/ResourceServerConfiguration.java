package com.coastline.identity.config;

import java.time.Clock;

import com.coastline.identity.key.KeyRing;
import com.coastline.identity.token.TokenIssuerProperties;
import com.coastline.platform.web.problem.ProblemResponseWriter;
import com.coastline.platform.web.security.BackOfficeAccess;
import com.coastline.platform.web.security.CoastlineSecurityProperties;
import com.coastline.platform.web.security.ResourceServerSecurity;
import com.coastline.platform.web.security.VerifiedTokenCache;
import com.coastline.platform.web.tenant.PrincipalKind;
import com.coastline.platform.web.tenant.Tenant;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
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

	/**
	 * Verifies against the ring in process and remembers the tokens it verified ({@link VerifiedTokenCache}:
	 * the validators run again at every use, and the signing key must still be published).
	 */
	@Bean
	JwtDecoder jwtDecoder(KeyRing keyRing, TokenIssuerProperties issuer, CoastlineSecurityProperties security,
			Clock clock) {
		// identity trusts only its own issuer (and keys), whatever coastline.security.jwt.issuer says.
		CoastlineSecurityProperties.Jwt configured = security.jwt();
		CoastlineSecurityProperties.Jwt jwt = new CoastlineSecurityProperties.Jwt(configured.jwkSetUri(), issuer.issuer(),
				configured.audience(), configured.algorithms(), configured.clockSkew());
		var allowed = jwt.signatureAlgorithms();
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keyRing).jwsAlgorithms(algorithms -> {
			algorithms.clear();
			algorithms.addAll(allowed);
		}).build();
		OAuth2TokenValidator<Jwt> validator = ResourceServerSecurity.validator(jwt);
		decoder.setJwtValidator(validator);
		return new VerifiedTokenCache(decoder, validator,
				keyId -> keyRing.published().stream().anyMatch(key -> key.keyId().equals(keyId)), clock);
	}

	@Bean
	@Order(1)
	SecurityFilterChain resourceServerFilterChain(HttpSecurity http, CoastlineSecurityProperties properties,
			JwtAuthenticationConverter jwtAuthenticationConverter, ProblemResponseWriter problemWriter) throws Exception {
		AuthorizationManager<RequestAuthorizationContext> admin = AuthorizationManagers.allOf(backOfficeToken(),
				AuthorityAuthorizationManager.hasRole("admin"));
		// Workspaces are the tenant registry: creating and searching them is for admin clients (no
		// workspace yet); reading one is decided by the controller (admin, or that workspace's token).
		// A contact's links and sessions follow platform-web's back-office rule (staff, or an admin client
		// with a wid), except that automation may issue links; /internal is the portal gateway's. The
		// OpenAPI document is open to a GET of exactly its path: documentation, no data.
		return ResourceServerSecurity.configure(http, properties, jwtAuthenticationConverter, problemWriter,
				requests -> requests.requestMatchers(HttpMethod.GET, OpenApiConfiguration.API_DOCS)
					.permitAll()
					.requestMatchers(HttpMethod.POST, "/api/workspaces")
					.access(admin)
					.requestMatchers(HttpMethod.GET, "/api/workspaces")
					.access(admin)
					// Signing keys concern every workspace: an admin client's token that names none.
					.requestMatchers(HttpMethod.POST, "/api/signing-keys/rotation")
					.access(AuthorizationManagers.allOf(serviceWithoutWorkspace(), AuthorityAuthorizationManager.hasRole("admin")))
					// Portal links: the back office, or an automation client with the links scope.
					.requestMatchers(HttpMethod.POST, "/api/contacts/*/links")
					.access(AuthorizationManagers.anyOf(new BackOfficeAccess(), serviceWithScope("portal-links:write")))
					.requestMatchers("/api/contacts/**")
					.access(new BackOfficeAccess())
					// Staff sign-in is the back-office gateway's; the rest of /internal the portal gateway's.
					.requestMatchers("/internal/staff/**")
					.access(serviceWithScope("staff-gateway"))
					.requestMatchers("/internal/**")
					.access(serviceWithScope("gateway"))
					.requestMatchers("/api/**")
					.access(backOfficeToken()))
			.build();
	}

	/** A service client's token (never a staff or client token) granted the scope. */
	private static AuthorizationManager<RequestAuthorizationContext> serviceWithScope(String scope) {
		AuthorizationManager<RequestAuthorizationContext> service = (authentication,
				context) -> new AuthorizationDecision(authentication.get() instanceof JwtAuthenticationToken token
						&& Tenant.from(token.getToken()).kind() == PrincipalKind.SERVICE);
		return AuthorizationManagers.allOf(service, AuthorityAuthorizationManager.hasAuthority("SCOPE_" + scope));
	}

	/** A service client's token that names no workspace. */
	private static AuthorizationManager<RequestAuthorizationContext> serviceWithoutWorkspace() {
		return (authentication, context) -> new AuthorizationDecision(authentication.get() instanceof JwtAuthenticationToken token
				&& Tenant.from(token.getToken()).kind() == PrincipalKind.SERVICE && !Tenant.from(token.getToken()).hasWorkspace());
	}

	/** Back-office APIs serve staff and services; a portal client's token gets 403 (docs/SERVICES.md). */
	private static AuthorizationManager<RequestAuthorizationContext> backOfficeToken() {
		return (authentication, context) -> new AuthorizationDecision(authentication.get() instanceof JwtAuthenticationToken token
				&& Tenant.from(token.getToken()).kind() != PrincipalKind.CLIENT);
	}
}
