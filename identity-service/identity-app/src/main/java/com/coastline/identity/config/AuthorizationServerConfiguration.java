package com.coastline.identity.config;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletResponse;

import com.coastline.identity.key.KeyRing;
import com.coastline.identity.key.SigningKeyProperties;
import com.coastline.identity.key.SigningKeys;
import com.coastline.identity.token.RegisteredScopesByDefault;
import com.coastline.identity.token.SelfContainedTokens;
import com.coastline.identity.token.ServiceClients;
import com.coastline.identity.token.ServiceTokenClaims;
import com.coastline.identity.token.TokenIssuerProperties;
import com.coastline.identity.token.WorkspaceParameter;
import com.coastline.identity.workspace.WorkspaceRegistry;
import com.coastline.platform.web.security.CoastlineSecurityProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Authorization Server for the client-credentials grant of service and admin clients:
 * {@code /oauth2/token}, {@code /oauth2/jwks} and the server metadata, at Spring's default paths.
 * Its filter chain covers only those endpoints; {@link ResourceServerConfiguration} takes the rest.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

	@Bean
	KeyRing keyRing(SigningKeys signingKeys, PlatformTransactionManager transactions, Clock clock,
			SigningKeyProperties settings) {
		return KeyRing.loadOrCreate(signingKeys, new TransactionTemplate(transactions), clock, settings);
	}

	@Bean
	JwtEncoder jwtEncoder(KeyRing keyRing) {
		return new NimbusJwtEncoder(keyRing);
	}

	/** BCrypt behind Spring's delegating encoder ({@code {bcrypt}…}), also used to check secrets. */
	@Bean
	PasswordEncoder clientSecretEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	RegisteredClientRepository registeredClientRepository(TokenIssuerProperties properties,
			PasswordEncoder clientSecretEncoder) {
		return ServiceClients.of(properties.clients(), clientSecretEncoder);
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(TokenIssuerProperties properties) {
		return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
	}

	@Bean
	OAuth2AuthorizationService authorizationService() {
		return new SelfContainedTokens();
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain authorizationServerFilterChain(HttpSecurity http, JwtEncoder jwtEncoder, KeyRing keyRing,
			CoastlineSecurityProperties security, WorkspaceRegistry workspaces) throws Exception {
		JwtGenerator tokens = new JwtGenerator(jwtEncoder);
		tokens.setJwtCustomizer(new ServiceTokenClaims(keyRing, security.jwt().audience()));
		var workspaceParameter = OAuth2ClientCredentialsAuthenticationValidator.DEFAULT_SCOPE_VALIDATOR
			.andThen(new WorkspaceParameter(workspaces::exists));

		OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
		http.securityMatcher(authorizationServer.getEndpointsMatcher())
			.with(authorizationServer, server -> server.tokenGenerator(tokens)
				.tokenEndpoint(endpoint -> endpoint
					.accessTokenRequestConverters(converters -> converters
						.replaceAll(converter -> (converter instanceof OAuth2ClientCredentialsAuthenticationConverter)
								? new RegisteredScopesByDefault() : converter))
					.authenticationProviders(providers -> providers.forEach(provider -> {
						if (provider instanceof OAuth2ClientCredentialsAuthenticationProvider clientCredentials) {
							clientCredentials.setAuthenticationValidator(workspaceParameter);
						}
					}))))
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(missingClientCredentials()))
			// Machine clients with credentials in each request: no session, and no cookie for CSRF to protect.
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable);
		return http.build();
	}

	/** An endpoint called without client credentials answers like the token endpoint does (RFC 6749 5.2). */
	private static AuthenticationEntryPoint missingClientCredentials() {
		return (request, response, exception) -> writeInvalidClient(response);
	}

	private static void writeInvalidClient(HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"identity-service\"");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter().write("{\"error\":\"invalid_client\"}");
	}
}
