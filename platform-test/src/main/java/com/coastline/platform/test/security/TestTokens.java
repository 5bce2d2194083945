package com.coastline.platform.test.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints tokens of the {@link TestIssuer} shaped like identity-service's: {@code sub}, {@code wid},
 * {@code kind}, {@code cid}, {@code roles}, {@code amr}, {@code sid}, {@code aud}, 60 seconds of
 * life by default.
 *
 * <pre>{@code
 * String staff = TestTokens.staff(workspaceId).roles("owner").mint();
 * String client = TestTokens.client(workspaceId, contactId).mint();
 * String service = TestTokens.service("automation").scopes("links:issue").mint();
 * mockMvc.perform(get("/projects").header("Authorization", TestTokens.staff(workspaceId).bearer()));
 * }</pre>
 * The {@code forged…} methods produce tokens a resource server must refuse, for security tests.
 */
public final class TestTokens {

	private TestTokens() {
	}

	/** A staff member of the workspace (role "staff" unless {@link Builder#roles} says otherwise). */
	public static Builder staff(UUID workspaceId) {
		return new Builder("staff", "staff-" + UUID.randomUUID()).workspace(workspaceId).roles("staff").amr("code");
	}

	/** A client signed in as the given contact of the workspace ({@code sub} is the contact id). */
	public static Builder client(UUID workspaceId, UUID contactId) {
		Objects.requireNonNull(contactId, "contactId");
		return new Builder("client", contactId.toString()).workspace(workspaceId).contact(contactId).amr("link");
	}

	/** A service client (client-credentials token) with no workspace unless one is set. */
	public static Builder service(String clientId) {
		return new Builder("service", clientId);
	}

	/** A fluent, mutable token description; each {@code mint} signs a new token. */
	public static final class Builder {

		private final Map<String, Object> claims = new LinkedHashMap<>();

		private String issuer = TestIssuer.ISSUER;

		private List<String> audience = List.of(TestIssuer.AUDIENCE);

		private Instant issuedAt;

		private Instant expiresAt;

		private Duration lifetime = Duration.ofSeconds(60);

		private Builder(String kind, String subject) {
			this.claims.put("kind", kind);
			this.claims.put("sub", subject);
			this.claims.put("sid", UUID.randomUUID().toString());
		}

		public Builder subject(String subject) {
			return claim("sub", subject);
		}

		/** The {@code kind} claim as identity writes it: "client", "staff" or "service". */
		public Builder kind(String kind) {
			return claim("kind", kind);
		}

		/** The {@code wid} claim; {@code null} leaves it out. */
		public Builder workspace(UUID workspaceId) {
			return claim("wid", (workspaceId != null) ? workspaceId.toString() : null);
		}

		public Builder withoutWorkspace() {
			return workspace(null);
		}

		/** The {@code cid} claim (clients); {@code null} leaves it out. */
		public Builder contact(UUID contactId) {
			return claim("cid", (contactId != null) ? contactId.toString() : null);
		}

		public Builder roles(String... roles) {
			return claim("roles", List.of(roles));
		}

		/** The {@code scope} claim, as a list like Spring Authorization Server writes it. */
		public Builder scopes(String... scopes) {
			return claim("scope", List.of(scopes));
		}

		public Builder amr(String... methods) {
			return claim("amr", List.of(methods));
		}

		public Builder sessionId(String sessionId) {
			return claim("sid", sessionId);
		}

		public Builder audience(String... audience) {
			this.audience = List.of(audience);
			return this;
		}

		public Builder issuer(String issuer) {
			this.issuer = issuer;
			return this;
		}

		public Builder issuedAt(Instant issuedAt) {
			this.issuedAt = issuedAt;
			return this;
		}

		/** Expiry relative to the issue time (default 60 seconds). */
		public Builder expiresIn(Duration lifetime) {
			this.lifetime = lifetime;
			this.expiresAt = null;
			return this;
		}

		public Builder expiresAt(Instant expiresAt) {
			this.expiresAt = expiresAt;
			return this;
		}

		/** Any other claim; {@code null} removes it. */
		public Builder claim(String name, Object value) {
			if (value == null) {
				this.claims.remove(name);
			}
			else {
				this.claims.put(name, value);
			}
			return this;
		}

		/** The token, signed ES256 by the test issuer. */
		public String mint() {
			return sign(TestIssuer.get().signingKey());
		}

		/** {@code "Bearer " + mint()}, for an {@code Authorization} header. */
		public String bearer() {
			return "Bearer " + mint();
		}

		/** The same claims with {@code alg: none} and no signature. */
		public String forgedUnsigned() {
			return new PlainJWT(claimsSet()).serialize();
		}

		/** The same claims signed by a key the JWKS does not publish (same key id as the real one). */
		public String forgedWithForeignKey() {
			return sign(TestIssuer.foreignKey(TestIssuer.get().signingKey().getKeyID()));
		}

		/**
		 * Algorithm confusion: HS256 with the issuer's <em>public</em> key as the HMAC secret, which a
		 * verifier that trusts the token's {@code alg} would accept.
		 */
		public String forgedHs256WithPublicKey() {
			ECKey publicKey = TestIssuer.get().signingKey().toPublicJWK();
			try {
				SignedJWT jwt = new SignedJWT(header(JWSAlgorithm.HS256, publicKey.getKeyID()), claimsSet());
				jwt.sign(new MACSigner(publicKey.toJSONString().getBytes(StandardCharsets.UTF_8)));
				return jwt.serialize();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException("Could not sign the test token", ex);
			}
		}

		private String sign(ECKey key) {
			try {
				SignedJWT jwt = new SignedJWT(header(JWSAlgorithm.ES256, key.getKeyID()), claimsSet());
				jwt.sign(new ECDSASigner(key));
				return jwt.serialize();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException("Could not sign the test token", ex);
			}
		}

		private static JWSHeader header(JWSAlgorithm algorithm, String keyId) {
			return new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(keyId).build();
		}

		private JWTClaimsSet claimsSet() {
			Instant issued = (this.issuedAt != null) ? this.issuedAt : Instant.now();
			Instant expires = (this.expiresAt != null) ? this.expiresAt : issued.plus(this.lifetime);
			JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(this.issuer)
				.audience(new ArrayList<>(this.audience))
				.issueTime(Date.from(issued))
				.notBeforeTime(Date.from(issued))
				.expirationTime(Date.from(expires))
				.jwtID(UUID.randomUUID().toString());
			this.claims.forEach(builder::claim);
			return builder.build();
		}
	}
}
