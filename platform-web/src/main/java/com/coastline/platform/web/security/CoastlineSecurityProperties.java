package com.coastline.platform.web.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.validation.annotation.Validated;

/**
 * How a service validates the bearer tokens that identity-service signs.
 *
 * @param jwt the token verification settings
 * @param publicPaths path patterns reachable without a token, besides {@code /actuator/health/**} and
 * {@code /actuator/prometheus} (both only on the management port, which is never routed from outside)
 * @param backOfficePaths path patterns only a workspace's staff (or an admin service client acting for a
 * workspace) may call: the contractors' APIs; clients reach their data through the portal
 * @param portalPaths path patterns only portal clients may call: what a client sees of their own jobs
 */
@Validated
@ConfigurationProperties("coastline.security")
public record CoastlineSecurityProperties(@Valid @NotNull Jwt jwt, @DefaultValue List<String> publicPaths,
		@DefaultValue("/api/**") List<String> backOfficePaths, @DefaultValue("/portal/**") List<String> portalPaths) {

	/**
	 * @param jwkSetUri where identity-service publishes its public keys (JWKS)
	 * @param issuer the required {@code iss}
	 * @param audience the required {@code aud} entry
	 * @param algorithms the accepted signature algorithms (asymmetric only; default ES256)
	 * @param clockSkew tolerance on {@code exp}, {@code nbf} and {@code iat} (default 30s)
	 */
	public record Jwt(@NotNull URI jwkSetUri, @NotBlank String issuer, @NotBlank String audience,
			@DefaultValue("ES256") @NotEmpty Set<String> algorithms, @DefaultValue("30s") @NotNull Duration clockSkew) {

		public Jwt {
			// Only asymmetric algorithms that Spring Security's SignatureAlgorithm knows: "none" and
			// the HMAC family can never be configured, so no algorithm-confusion door can be opened.
			if (algorithms != null) {
				for (String algorithm : algorithms) {
					if (SignatureAlgorithm.from(algorithm) == null) {
						throw new IllegalArgumentException("coastline.security.jwt.algorithms: '" + algorithm
								+ "' is not accepted; use asymmetric algorithms only (ES256/384/512, RS256/384/512, PS256/384/512)");
					}
				}
			}
			if (clockSkew != null && (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(2)) > 0)) {
				throw new IllegalArgumentException("coastline.security.jwt.clock-skew must be between 0 and 2 minutes");
			}
		}

		public Set<SignatureAlgorithm> signatureAlgorithms() {
			return algorithms.stream().map(SignatureAlgorithm::from).collect(Collectors.toUnmodifiableSet());
		}
	}
}
