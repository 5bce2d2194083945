package com.coastline.identity.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.coastline.identity.key.KeyRing;
import com.coastline.identity.key.SigningKey;
import com.coastline.platform.web.security.CoastlineSecurityProperties;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.security.oauth2.jwt.JwtEncodingException;
import org.springframework.stereotype.Component;

/**
 * The short-lived JWTs (at most 60 s) that a gateway swaps a browser session for (SECURITY.md, "Sessions
 * and tokens"): ES256 by the current key, with {@code kind}, {@code sub}, {@code wid}, {@code amr} (how the
 * session was opened), {@code sid} (the session's row id, never its secret) and {@code aud}.
 * <p>
 * Timestamps come from the application clock: the services that validate the token use real time.
 * <p>
 * Signed with Nimbus directly, by a signer kept for the current key: Spring's {@code NimbusJwtEncoder}
 * would select the key from the whole {@link KeyRing} and look its signer up at every token. The key is
 * asked of the ring at every token, so a rotation (or a reload) applies at once.
 */
@Component
public class SessionJwts {

	public static final Duration LIFETIME = Duration.ofSeconds(60);

	private final KeyRing keyRing;

	private final String issuer;

	private final List<String> audience;

	private final Clock clock;

	/** The signer of the key that signed last, with its key id and header. */
	private volatile Signer signer;

	SessionJwts(KeyRing keyRing, TokenIssuerProperties issuer, CoastlineSecurityProperties security, Clock clock) {
		this.keyRing = keyRing;
		this.issuer = issuer.issuer();
		this.audience = List.of(security.jwt().audience());
		this.clock = clock;
	}

	/** A signed token. */
	public record Token(String value, Duration expiresIn) {
	}

	/**
	 * @param kind {@code client} or {@code staff}
	 * @param extra further claims (a client's {@code cid}, a staff member's {@code roles})
	 */
	public Token sign(String kind, UUID subject, UUID workspaceId, String method, UUID sessionId,
			Map<String, Object> extra) {
		Instant now = this.clock.instant();
		Date issuedAt = Date.from(now);
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(this.issuer)
			.audience(this.audience)
			.subject(subject.toString())
			.issueTime(issuedAt)
			.notBeforeTime(issuedAt)
			.expirationTime(Date.from(now.plus(LIFETIME)))
			.jwtID(UUID.randomUUID().toString())
			.claim("kind", kind)
			.claim("wid", workspaceId.toString())
			.claim("amr", List.of(method))
			.claim("sid", sessionId.toString());
		extra.forEach(claims::claim);
		Signer current = signer(this.keyRing.current());
		SignedJWT jwt = new SignedJWT(current.header(), claims.build());
		try {
			jwt.sign(current.signer());
		}
		catch (JOSEException ex) {
			throw new JwtEncodingException("Could not sign a session token", ex);
		}
		return new Token(jwt.serialize(), LIFETIME);
	}

	private Signer signer(SigningKey key) {
		Signer cached = this.signer;
		if (cached != null && cached.keyId().equals(key.keyId())) {
			return cached;
		}
		try {
			Signer created = new Signer(key.keyId(),
					new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.keyId()).type(JOSEObjectType.JWT).build(),
					new ECDSASigner(key.jwk()));
			this.signer = created;
			return created;
		}
		catch (JOSEException ex) {
			throw new JwtEncodingException("Could not use signing key " + key.keyId(), ex);
		}
	}

	private record Signer(String keyId, JWSHeader header, ECDSASigner signer) {
	}
}
