package com.coastline.identity.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.coastline.identity.api.ClientSignedIn;
import com.coastline.identity.signin.SignInMeters;
import com.coastline.platform.web.problem.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Server-side sessions of portal clients. The session id is a 256-bit secret handed to the portal
 * gateway once (it becomes the cookie); only its SHA-256 is stored. A session lives until 30 minutes
 * without use (idle) and at most 12 hours (absolute), or until it is ended.
 */
@Service
public class PortalSessions {

	public static final Duration IDLE = Duration.ofMinutes(30);

	public static final Duration ABSOLUTE = Duration.ofHours(12);

	/** How stale the stored last use may get before a use writes it again (see {@link #touch}). */
	public static final Duration TOUCH_EVERY = Duration.ofSeconds(60);

	public static final String SIGNED_OUT = "signed-out";

	public static final String ENDED_BY_BACK_OFFICE = "ended-by-back-office";

	private static final String COLUMNS = """
			id, workspace_id, contact_id, link_id, project_id, method, created_at, last_seen_at, absolute_expires_at,
			ip, user_agent""";

	private final JdbcTemplate jdbc;

	private final Audit audit;

	private final ApplicationEventPublisher events;

	private final SignInClock clock;

	private final SignInMeters meters;

	PortalSessions(JdbcTemplate jdbc, Audit audit, ApplicationEventPublisher events, SignInClock clock,
			SignInMeters meters) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.meters = meters;
	}

	/** A session and its secret id, shown once. */
	public record Created(String secret, Session session) {
	}

	/** A session as stored (never its secret). */
	public record Session(UUID id, UUID workspaceId, UUID contactId, UUID linkId, UUID projectId, String method,
			Instant createdAt, Instant lastSeenAt, Instant absoluteExpiresAt, String ip, String userAgent) {

		/** When it ends unless used again: 30 minutes after its last use, at most at its absolute expiry. */
		public Instant expiresAt() {
			Instant idle = this.lastSeenAt.plus(IDLE);
			return idle.isBefore(this.absoluteExpiresAt) ? idle : this.absoluteExpiresAt;
		}
	}

	/** Opens a new session (never reuses one), audits it and announces {@code ClientSignedIn}. Call in a transaction. */
	Created open(UUID workspaceId, UUID contactId, UUID linkId, UUID projectId, String method, String ip,
			String userAgent) {
		Instant now = this.clock.now();
		String secret = Secrets.generate();
		Session session = new Session(UUID.randomUUID(), workspaceId, contactId, linkId, projectId, method, now, now,
				now.plus(ABSOLUTE), ip, userAgent);
		// The session and its audit row in one statement (one round trip to PostgreSQL instead of two).
		this.jdbc.update("""
				with opened as (
				  insert into portal_session (id, workspace_id, contact_id, link_id, project_id, secret_hash, method,
				    created_at, last_seen_at, absolute_expires_at, ip, user_agent)
				  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				  returning id, workspace_id, contact_id)
				insert into audit_event (workspace_id, contact_id, kind, subject_id, actor, ip, user_agent, outcome, at)
				select workspace_id, contact_id, ?, id, 'client', ?, ?, ?, cast(? as timestamptz) from opened""",
				session.id(), workspaceId, contactId, linkId, projectId, Secrets.hash(secret), method, Timestamp.from(now),
				Timestamp.from(now), Timestamp.from(session.absoluteExpiresAt()), ip, userAgent, Audit.SESSION_CREATED,
				Audit.clip(ip, Audit.IP), Audit.clip(userAgent, Audit.USER_AGENT), Audit.SUCCEEDED, Timestamp.from(now));
		return announce(session, secret);
	}

	/**
	 * Announces a session just stored (with its {@code session-created} audit row) by the caller, as
	 * {@link #open} does: {@code ClientSignedIn} through the outbox. Call in the transaction that stored it.
	 */
	Created announce(Session session, String secret) {
		this.events.publishEvent(new ClientSignedIn(UUID.randomUUID(), session.workspaceId(), session.contactId(),
				session.linkId(), session.method(), session.createdAt()));
		return new Created(secret, session);
	}

	/**
	 * The live session with this secret id, touched (its idle timeout starts again), or empty when
	 * there is none: unknown, ended, idle too long, or past its absolute expiry.
	 * <p>
	 * Most calls are one indexed read and no write: the last use is written only when the stored one is
	 * at least {@link #TOUCH_EVERY} old. The stored last use is then up to that much earlier than the real
	 * one, so an idle session may end up to {@code TOUCH_EVERY} <em>before</em> its 30 minutes, never after.
	 * Nothing is cached: every call reads the row, so a sign-out or revocation (which set {@code ended_at})
	 * applies to the very next call, on every replica.
	 */
	public Optional<Session> touch(String secret) {
		if (secret == null || secret.isEmpty() || secret.length() > 256) {
			return Optional.empty();
		}
		Instant now = this.clock.now();
		Optional<Session> live = this.jdbc.query("select " + COLUMNS + " from portal_session where secret_hash = ?"
				+ " and ended_at is null and last_seen_at > ? and absolute_expires_at > ?", PortalSessions::map,
				Secrets.hash(secret), Timestamp.from(now.minus(IDLE)), Timestamp.from(now))
			.stream()
			.findFirst();
		if (live.isEmpty() || live.get().lastSeenAt().isAfter(now.minus(TOUCH_EVERY))) {
			return live;
		}
		// Same conditions again: a sign-out or revocation committed since the read wins.
		return this.jdbc.query("update portal_session set last_seen_at = greatest(last_seen_at, ?) where id = ?"
				+ " and ended_at is null and last_seen_at > ? and absolute_expires_at > ? returning " + COLUMNS,
				PortalSessions::map, Timestamp.from(now), live.get().id(), Timestamp.from(now.minus(IDLE)),
				Timestamp.from(now))
			.stream()
			.findFirst();
	}

	/** Ends the session with this secret id, if it is live; nothing happens otherwise. */
	@Transactional
	public void signOut(String secret, String ip, String userAgent) {
		if (secret == null || secret.isEmpty()) {
			return;
		}
		Instant now = this.clock.now();
		List<Session> ended = this.jdbc.query("update portal_session set ended_at = ?, end_reason = ?"
				+ " where secret_hash = ? and ended_at is null returning " + COLUMNS, PortalSessions::map,
				Timestamp.from(now), SIGNED_OUT, Secrets.hash(secret));
		ended.forEach(session -> this.audit.record(session.workspaceId(), session.contactId(), Audit.SESSION_ENDED,
				session.id(), "client", ip, userAgent, SIGNED_OUT, now));
		this.meters.sessionsEnded(SignInMeters.CLIENT, SignInMeters.SIGN_OUT, ended.size());
	}

	/** The contact's live sessions, newest first. */
	@Transactional(readOnly = true)
	public List<Session> live(UUID workspaceId, UUID contactId) {
		Instant now = this.clock.now();
		return this.jdbc.query("select " + COLUMNS + " from portal_session where workspace_id = ? and contact_id = ?"
				+ " and ended_at is null and last_seen_at > ? and absolute_expires_at > ? order by created_at desc",
				PortalSessions::map, workspaceId, contactId, Timestamp.from(now.minus(IDLE)), Timestamp.from(now));
	}

	/** Ends all the contact's sessions (the back office's "sign out everywhere"); the number ended. */
	@Transactional
	public int endAll(UUID workspaceId, UUID contactId, String actor) {
		return endAllOf(workspaceId, contactId, ENDED_BY_BACK_OFFICE, actor);
	}

	/**
	 * Ends one of the contact's sessions, named by its public id (the back office's "end session"), audited
	 * as {@link #endAll} does. Ending a session that has already ended changes nothing.
	 *
	 * @throws NotFoundException when the contact has no session with that id in the workspace
	 */
	@Transactional
	public void endOne(UUID workspaceId, UUID contactId, UUID sessionId, String actor) {
		List<Session> ended = this.jdbc.query("update portal_session set ended_at = ?, end_reason = ? where id = ?"
				+ " and workspace_id = ? and contact_id = ? and ended_at is null returning " + COLUMNS,
				PortalSessions::map, Timestamp.from(this.clock.now()), ENDED_BY_BACK_OFFICE, sessionId, workspaceId,
				contactId);
		if (ended.isEmpty() && this.jdbc.queryForObject(
				"select count(*) from portal_session where id = ? and workspace_id = ? and contact_id = ?",
				Integer.class, sessionId, workspaceId, contactId) == 0) {
			throw new NotFoundException("Session", sessionId);
		}
		end(ended, ENDED_BY_BACK_OFFICE, actor);
	}

	/** Ends all the contact's sessions. Call in a transaction. */
	int endAllOf(UUID workspaceId, UUID contactId, String reason, String actor) {
		return end(this.jdbc.query("update portal_session set ended_at = ?, end_reason = ? where workspace_id = ?"
				+ " and contact_id = ? and ended_at is null returning " + COLUMNS, PortalSessions::map,
				Timestamp.from(this.clock.now()), reason, workspaceId, contactId), reason, actor);
	}

	/** Ends every session of the workspace's clients (its portal was turned off). Call in a transaction. */
	int endAllInWorkspace(UUID workspaceId, String reason, String actor) {
		return end(this.jdbc.query("update portal_session set ended_at = ?, end_reason = ? where workspace_id = ?"
				+ " and ended_at is null returning " + COLUMNS, PortalSessions::map, Timestamp.from(this.clock.now()),
				reason, workspaceId), reason, actor);
	}

	/** Ends the sessions that these links created. Call in a transaction. */
	int endFromLinks(Collection<UUID> linkIds, String reason, String actor) {
		if (linkIds.isEmpty()) {
			return 0;
		}
		return end(this.jdbc.query("update portal_session set ended_at = ?, end_reason = ?"
				+ " where link_id = any(cast(? as uuid[])) and ended_at is null returning " + COLUMNS,
				PortalSessions::map, Timestamp.from(this.clock.now()), reason, uuidArray(linkIds)), reason, actor);
	}

	private int end(List<Session> ended, String reason, String actor) {
		Instant now = this.clock.now();
		ended.forEach(session -> this.audit.record(session.workspaceId(), session.contactId(), Audit.SESSION_ENDED,
				session.id(), actor, null, null, reason, now));
		this.meters.sessionsEnded(SignInMeters.CLIENT, SignInMeters.ENDED, ended.size());
		return ended.size();
	}

	/** A PostgreSQL array literal of the ids, for {@code = any(cast(? as uuid[]))}. */
	static String uuidArray(Collection<UUID> ids) {
		return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
	}

	private static Session map(ResultSet row, int index) throws SQLException {
		return new Session(row.getObject("id", UUID.class), row.getObject("workspace_id", UUID.class),
				row.getObject("contact_id", UUID.class), row.getObject("link_id", UUID.class),
				row.getObject("project_id", UUID.class), row.getString("method"),
				row.getTimestamp("created_at").toInstant(), row.getTimestamp("last_seen_at").toInstant(),
				row.getTimestamp("absolute_expires_at").toInstant(), row.getString("ip"), row.getString("user_agent"));
	}
}
