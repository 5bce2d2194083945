package com.coastline.identity.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.coastline.identity.key.KeyRing;
import com.coastline.identity.token.TokenIssuerProperties;
import com.coastline.platform.web.security.CoastlineSecurityProperties;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/**
 * Swaps a live portal session for a short-lived JWT (at most 60 s) that the portal gateway sends
 * with its calls to other services: ES256 signed by the current key, {@code kind=client},
 * {@code sub} and {@code cid} the contact, {@code wid} its workspace, {@code amr} how the session was
 * opened, {@code sid} the session (its row id, never the secret). Each swap touches the session.
 * <p>
 * Timestamps come from the application clock, not the {@link SignInClock}: the services that
 * validate the token use real time.
 */
@Service
public class ClientTokens {

	public static final Duration LIFETIME = Duration.ofSeconds(60);

	private final PortalSessions sessions;

	private final JwtEncoder encoder;

	private final KeyRing keyRing;

	private final String issuer;

	private final String audience;

	private final Clock clock;

	ClientTokens(PortalSessions sessions, JwtEncoder encoder, KeyRing keyRing, TokenIssuerProperties issuer,
			CoastlineSecurityProperties security, Clock clock) {
		this.sessions = sessions;
		this.encoder = encoder;
		this.keyRing = keyRing;
		this.issuer = issuer.issuer();
		this.audience = security.jwt().audience();
		this.clock = clock;
	}

	/** A signed token. */
	public record Token(String value, Duration expiresIn) {
	}

	/** A token for the live session with this secret id, or empty when there is no such session. */
	public Optional<Token> exchange(String sessionSecret) {
		return this.sessions.touch(sessionSecret).map(this::sign);
	}

	private Token sign(PortalSessions.Session session) {
		Instant now = this.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.issuer)
			.audience(List.of(this.audience))
			.subject(session.contactId().toString())
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plus(LIFETIME))
			.id(UUID.randomUUID().toString())
			.claim("kind", "client")
			.claim("wid", session.workspaceId().toString())
			.claim("cid", session.contactId().toString())
			.claim("amr", List.of(session.method()))
			.claim("sid", session.id().toString())
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256).keyId(this.keyRing.current().keyId()).type("JWT").build();
		return new Token(this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue(), LIFETIME);
	}
}
