package com.coastline.platform.web.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.databind.json.JsonMapper;

import com.coastline.platform.web.problem.ProblemResponseWriter;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.DelegatingJwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestTemplate;

/**
 * Every service is an OAuth2 resource server for the short-lived tokens identity-service signs:
 * a {@link JwtDecoder} that fetches keys from the configured JWKS and accepts only the allowed
 * asymmetric algorithms, issuer and audience (remembering the tokens it verified: {@link VerifiedTokenCache}), and a stateless {@link SecurityFilterChain} in which
 * everything but health and the configured public paths needs a token. Both step aside for a
 * service's own bean of the same type. Web security is enabled here rather than left to Boot, so
 * that {@code @WebMvcTest} slices (which import this class) get the same chain.
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration" })
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableConfigurationProperties(CoastlineSecurityProperties.class)
@EnableWebSecurity
public class ResourceServerAutoConfiguration {

	/** The JWKS is fetched rarely (cached, refreshed on an unknown key id) but must never hang a request. */
	private static final Duration JWKS_CONNECT_TIMEOUT = Duration.ofSeconds(2);

	private static final Duration JWKS_READ_TIMEOUT = Duration.ofSeconds(5);

	@Bean
	@ConditionalOnMissingBean
	JwtDecoder jwtDecoder(CoastlineSecurityProperties properties) {
		CoastlineSecurityProperties.Jwt jwt = properties.jwt();
		Set<SignatureAlgorithm> allowed = jwt.signatureAlgorithms();
		SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
		requestFactory.setConnectTimeout(JWKS_CONNECT_TIMEOUT);
		requestFactory.setReadTimeout(JWKS_READ_TIMEOUT);
		AtomicReference<JWKSource<SecurityContext>> keys = new AtomicReference<>();
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri().toString())
			.jwsAlgorithms((algorithms) -> {
				algorithms.clear();
				algorithms.addAll(allowed);
			})
			.restOperations(new RestTemplate(requestFactory))
			.jwtProcessorCustomizer((processor) -> {
				if (processor.getJWSKeySelector() instanceof JWSVerificationKeySelector<SecurityContext> selector) {
					keys.set(selector.getJWKSource());
				}
			})
			.build();
		OAuth2TokenValidator<Jwt> validator = ResourceServerSecurity.validator(jwt);
		decoder.setJwtValidator(validator);
		return new VerifiedTokenCache(decoder, validator, (keyId) -> published(keys.get(), keyId), Clock.systemUTC());
	}

	/**
	 * Whether the JWKS (as the decoder last fetched it; fetched again, as the decoder would, when the key id is
	 * not in it) still has the key.
	 */
	private static boolean published(JWKSource<SecurityContext> keys, String keyId) {
		if (keys == null) {
			return false;
		}
		try {
			return !keys.get(new JWKSelector(new JWKMatcher.Builder().keyID(keyId).build()), null).isEmpty();
		}
		catch (KeySourceException ex) {
			return false;
		}
	}

	/** Roles ({@code roles} claim) become {@code ROLE_x}, scopes of service tokens {@code SCOPE_x}. */
	@Bean
	@ConditionalOnMissingBean
	JwtAuthenticationConverter jwtAuthenticationConverter() {
		JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
		roles.setAuthoritiesClaimName("roles");
		roles.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(
				new DelegatingJwtGrantedAuthoritiesConverter(new JwtGrantedAuthoritiesConverter(), roles));
		return converter;
	}

	/**
	 * No observations of Spring Security's own (its filter chain, each authentication, each authorization): the
	 * request's {@code http.server.requests} observation, its timer and its trace span cover the request. Switched
	 * off by the property {@code management.observations.enable.spring.security} alone, Security still wrapped every
	 * filter of every chain in an observing filter and asked for a no-op observation at each one, per request.
	 */
	@Bean
	@ConditionalOnMissingBean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@ConditionalOnMissingBean
	ProblemResponseWriter problemResponseWriter(ObjectProvider<JsonMapper> jsonMapper) {
		return new ProblemResponseWriter(jsonMapper.getIfAvailable(() -> JsonMapper.builder().build()));
	}

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain coastlineSecurityFilterChain(HttpSecurity http, CoastlineSecurityProperties properties,
			JwtAuthenticationConverter jwtAuthenticationConverter, ProblemResponseWriter problemWriter) throws Exception {
		return ResourceServerSecurity.configure(http, properties, jwtAuthenticationConverter, problemWriter).build();
	}
}
