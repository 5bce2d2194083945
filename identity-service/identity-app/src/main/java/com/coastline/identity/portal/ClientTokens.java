package com.coastline.identity.portal;

import java.util.Map;
import java.util.Optional;

import com.coastline.identity.token.SessionJwts;

import org.springframework.stereotype.Service;

/**
 * Swaps a live portal session for a short-lived JWT that the portal gateway sends with its calls to
 * other services: {@code kind=client}, {@code sub} and {@code cid} the contact. Each swap touches the
 * session.
 */
@Service
public class ClientTokens {

	private final PortalSessions sessions;

	private final SessionJwts jwts;

	ClientTokens(PortalSessions sessions, SessionJwts jwts) {
		this.sessions = sessions;
		this.jwts = jwts;
	}

	/** A token for the live session with this secret id, or empty when there is no such session. */
	public Optional<SessionJwts.Token> exchange(String sessionSecret) {
		return this.sessions.touch(sessionSecret)
			.map(session -> this.jwts.sign("client", session.contactId(), session.workspaceId(), session.method(),
					session.id(), Map.of("cid", session.contactId().toString())));
	}
}
