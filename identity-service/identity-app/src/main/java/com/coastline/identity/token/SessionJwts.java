package com.coastline.identity.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.coastline.identity.key.KeyRing;
import com.coastline.platform.web.security.CoastlineSecurityProperties;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * The short-lived JWTs (at most 60 s) that a gateway swaps a browser session for (SECURITY.md, "Sessions
 * and tokens"): ES256 by the current key, with {@code kind}, {@code sub}, {@code wid}, {@code amr} (how the
 * session was opened), {@code sid} (the session's row id, never its secret) and {@code aud}.
 * <p>
 * Timestamps come from the application clock: the services that validate the token use real time.
 */
@Component
public class SessionJwts {

	public static final Duration LIFETIME = Duration.ofSeconds(60);

	private final JwtEncoder encoder;

	private final KeyRing keyRing;

	private final String issuer;

	private final String audience;

	private final Clock clock;

	SessionJwts(JwtEncoder encoder, KeyRing keyRing, TokenIssuerProperties issuer, CoastlineSecurityProperties security,
			Clock clock) {
		this.encoder = encoder;
		this.keyRing = keyRing;
		this.issuer = issuer.issuer();
		this.audience = security.jwt().audience();
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
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(this.issuer)
			.audience(List.of(this.audience))
			.subject(subject.toString())
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plus(LIFETIME))
			.id(UUID.randomUUID().toString())
			.claim("kind", kind)
			.claim("wid", workspaceId.toString())
			.claim("amr", List.of(method))
			.claim("sid", sessionId.toString());
		extra.forEach(claims::claim);
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256).keyId(this.keyRing.current().keyId()).type("JWT").build();
		return new Token(this.encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue(), LIFETIME);
	}
}
