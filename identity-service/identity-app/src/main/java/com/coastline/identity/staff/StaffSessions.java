package com.coastline.identity.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.coastline.identity.portal.Audit;
import com.coastline.identity.portal.Secrets;
import com.coastline.identity.portal.SignInClock;
import com.coastline.identity.signin.SignInMeters;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Server-side sessions of staff (the back-office gateway's cookie), with the same rules as a client's: a
 * 256-bit secret id stored as SHA-256, idle 30 minutes, absolute 12 hours, a new id at every sign-in. A
 * session works only while its member is not removed; the role is read at every token swap, so a changed
 * role applies within a token's lifetime.
 */
@Service
public class StaffSessions {

	public static final Duration IDLE = Duration.ofMinutes(30);

	public static final Duration ABSOLUTE = Duration.ofHours(12);

	/** How stale the stored last use may get before a use writes it again (see {@link #touch}). */
	public static final Duration TOUCH_EVERY = Duration.ofSeconds(60);

	private final JdbcTemplate jdbc;

	private final Audit audit;

	private final SignInClock clock;

	private final SignInMeters meters;

	StaffSessions(JdbcTemplate jdbc, Audit audit, SignInClock clock, SignInMeters meters) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.meters = meters;
	}

	/** A session and its secret id, shown once. */
	public record Created(String secret, Session session) {
	}

	/** A live session with its member's current role and email address. */
	public record Session(UUID id, UUID workspaceId, UUID staffId, StaffRole role, String method, Instant lastSeenAt,
			Instant absoluteExpiresAt, String email) {

		public Instant expiresAt() {
			Instant idle = this.lastSeenAt.plus(IDLE);
			return idle.isBefore(this.absoluteExpiresAt) ? idle : this.absoluteExpiresAt;
		}
	}

	/**
	 * Opens a session for the membership, accepting a pending invitation (the first sign-in activates the
	 * member). Call in a transaction.
	 */
	Created open(StaffMembership membership, String method, String ip, String userAgent) {
		Instant now = this.clock.now();
		if (membership.status() == StaffStatus.INVITED) {
			this.jdbc.update("update staff_member set status = 'ACTIVE', activated_at = ?, updated_at = ?,"
					+ " version = version + 1 where id = ? and status = 'INVITED'", Timestamp.from(now),
					Timestamp.from(now), membership.staffId());
		}
		String secret = Secrets.generate();
		UUID id = UUID.randomUUID();
		// The session and its audit row in one statement (one round trip to PostgreSQL instead of two).
		this.jdbc.update("""
				with opened as (
				  insert into staff_session (id, workspace_id, staff_id, secret_hash, method, created_at, last_seen_at,
				    absolute_expires_at, ip, user_agent)
				  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				  returning id, workspace_id)
				insert into audit_event (workspace_id, contact_id, kind, subject_id, actor, ip, user_agent, outcome, at)
				select workspace_id, cast(null as uuid), ?, id, ?, ?, ?, ?, cast(? as timestamptz) from opened""", id,
				membership.workspaceId(), membership.staffId(), Secrets.hash(secret), method, Timestamp.from(now),
				Timestamp.from(now), Timestamp.from(now.plus(ABSOLUTE)), clip(ip, 64), clip(userAgent, 512),
				Audit.SESSION_CREATED, "staff:" + membership.staffId(), Audit.clip(ip, Audit.IP),
				Audit.clip(userAgent, Audit.USER_AGENT), Audit.SUCCEEDED, Timestamp.from(now));
		return new Created(secret,
				new Session(id, membership.workspaceId(), membership.staffId(), membership.role(), method, now,
						now.plus(ABSOLUTE), membership.email()));
	}

	/**
	 * The live session with this secret id, touched; empty when ended, expired, or its member removed.
	 * As for clients ({@code PortalSessions.touch}): one indexed read per call, the last use written only
	 * when the stored one is at least {@link #TOUCH_EVERY} old (an idle session may end up to that much
	 * before its 30 minutes, never after); the member's status and role are read at every call.
	 */
	public Optional<Session> touch(String secret) {
		if (secret == null || secret.isEmpty() || secret.length() > 256) {
			return Optional.empty();
		}
		Instant now = this.clock.now();
		Optional<Session> live = this.jdbc.query("""
				select s.id, s.workspace_id, s.staff_id, m.role, s.method, s.last_seen_at, s.absolute_expires_at, m.email
				from staff_session s join staff_member m on m.id = s.staff_id and m.workspace_id = s.workspace_id
				where s.secret_hash = ? and s.ended_at is null and s.last_seen_at > ? and s.absolute_expires_at > ?
				  and m.status = 'ACTIVE'""", StaffSessions::map, Secrets.hash(secret), Timestamp.from(now.minus(IDLE)),
				Timestamp.from(now))
			.stream()
			.findFirst();
		if (live.isEmpty() || live.get().lastSeenAt().isAfter(now.minus(TOUCH_EVERY))) {
			return live;
		}
		// Same conditions again: a sign-out, or the member's removal, committed since the read wins.
		return this.jdbc.query("""
				update staff_session s set last_seen_at = greatest(s.last_seen_at, ?)
				from staff_member m
				where s.id = ? and s.ended_at is null and s.last_seen_at > ? and s.absolute_expires_at > ?
				  and m.id = s.staff_id and m.workspace_id = s.workspace_id and m.status = 'ACTIVE'
				returning s.id, s.workspace_id, s.staff_id, m.role, s.method, s.last_seen_at, s.absolute_expires_at, m.email""",
				StaffSessions::map, Timestamp.from(now), live.get().id(), Timestamp.from(now.minus(IDLE)),
				Timestamp.from(now))
			.stream()
			.findFirst();
	}

	/** Ends the session with this secret id, if it is live. */
	@Transactional
	public void signOut(String secret, String ip, String userAgent) {
		if (secret == null || secret.isEmpty() || secret.length() > 256) {
			return;
		}
		Instant now = this.clock.now();
		int ended = this.jdbc.query("update staff_session set ended_at = ?, end_reason = 'signed-out'"
				+ " where secret_hash = ? and ended_at is null returning id, workspace_id, staff_id", (row, index) -> {
					this.audit.record(row.getObject(2, UUID.class), null, Audit.SESSION_ENDED, row.getObject(1, UUID.class),
							"staff:" + row.getObject(3, UUID.class), ip, userAgent, "signed-out", now);
					return null;
				}, Timestamp.from(now), Secrets.hash(secret)).size();
		this.meters.sessionsEnded(SignInMeters.STAFF, SignInMeters.SIGN_OUT, ended);
	}

	private static Session map(ResultSet row, int index) throws SQLException {
		return new Session(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getObject(3, UUID.class),
				StaffRole.valueOf(row.getString(4)), row.getString(5), row.getTimestamp(6).toInstant(),
				row.getTimestamp(7).toInstant(), row.getString(8));
	}

	private static String clip(String value, int length) {
		return (value == null || value.length() <= length) ? value : value.substring(0, length);
	}
}
