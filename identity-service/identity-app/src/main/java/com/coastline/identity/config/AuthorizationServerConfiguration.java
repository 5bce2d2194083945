package com.coastline.identity.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

	/** The encoder of client-credentials tokens (session tokens are signed by {@code SessionJwts}). */
	@Bean
	JwtEncoder jwtEncoder(KeyRing keyRing) {
		return new NimbusJwtEncoder(keyRing);
	}

	/**
	 * BCrypt behind Spring's delegating encoder ({@code {bcrypt}…}), also used to check secrets: a secret
	 * that matched is remembered briefly ({@link RememberedSecrets}), so that a client asking for tokens
	 * often does not pay a BCrypt per request.
	 */
	@Bean
	PasswordEncoder clientSecretEncoder() {
		return new RememberedSecrets(PasswordEncoderFactories.createDelegatingPasswordEncoder(), Clock.systemUTC());
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

	/**
	 * Remembers, for {@link #REMEMBER}, that a presented client secret matched its stored hash: keyed by the
	 * SHA-256 of (stored hash, presented secret), never the secret itself, and only after BCrypt said yes.
	 * A wrong secret always costs the full check. The stored hash is salted per client, so the key names
	 * the client too, and a changed secret (a new hash) matches nothing remembered.
	 */
	static final class RememberedSecrets implements PasswordEncoder {

		static final Duration REMEMBER = Duration.ofMinutes(5);

		static final int MAX_ENTRIES = 256;

		private final PasswordEncoder delegate;

		private final Clock clock;

		private final Map<String, Instant> matched = new ConcurrentHashMap<>();

		RememberedSecrets(PasswordEncoder delegate, Clock clock) {
			this.delegate = delegate;
			this.clock = clock;
		}

		@Override
		public String encode(CharSequence rawPassword) {
			return this.delegate.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			if (rawPassword == null || encodedPassword == null) {
				return this.delegate.matches(rawPassword, encodedPassword);
			}
			String key = key(rawPassword, encodedPassword);
			Instant now = this.clock.instant();
			Instant until = this.matched.get(key);
			if (until != null && now.isBefore(until)) {
				return true;
			}
			boolean matches = this.delegate.matches(rawPassword, encodedPassword);
			if (matches) {
				if (this.matched.size() >= MAX_ENTRIES) {
					this.matched.values().removeIf(end -> !now.isBefore(end));
					if (this.matched.size() >= MAX_ENTRIES) {
						this.matched.clear();
					}
				}
				this.matched.put(key, now.plus(REMEMBER));
			}
			else {
				this.matched.remove(key);
			}
			return matches;
		}

		@Override
		public boolean upgradeEncoding(String encodedPassword) {
			return this.delegate.upgradeEncoding(encodedPassword);
		}

		private static String key(CharSequence rawPassword, String encodedPassword) {
			try {
				MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
				sha256.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
				sha256.update((byte) 0);
				sha256.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
				return HexFormat.of().formatHex(sha256.digest());
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("SHA-256 is part of every JDK", ex);
			}
		}
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
