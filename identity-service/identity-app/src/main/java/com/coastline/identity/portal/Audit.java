package com.coastline.identity.portal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The audit trail of signing in (table {@code audit_event}), written in the transaction of what it
 * records. Never a token, a session id or a code: only ids of rows, the caller and the outcome.
 */
@Repository
public class Audit {

	public static final String LINK_ISSUED = "link-issued";

	public static final String LINK_REVOKED = "link-revoked";

	public static final String LINK_USED = "link-used";

	public static final String SESSION_CREATED = "session-created";

	public static final String SESSION_ENDED = "session-ended";

	public static final String CODE_REQUESTED = "code-requested";

	public static final String CODE_THROTTLED = "code-throttled";

	public static final String CODE_FAILED = "code-failed";

	public static final String CODE_BURNED = "code-burned";

	public static final String CODE_USED = "code-used";

	/** A workspace and its owner created by the public sign-up (the back-office gateway's page). */
	public static final String SIGNED_UP = "signed-up";

	/** A per-IP limit answered 429. */
	public static final String THROTTLED = "throttled";

	public static final String SUCCEEDED = "succeeded";

	/** A code asked for an email that is not on file: nothing was sent. */
	public static final String UNKNOWN_EMAIL = "unknown-email";

	/** A code tried when its attempt had none left (expired, used, burned or replaced). */
	public static final String NO_LIVE_CODE = "no-live-code";

	public static final String REJECTED = "rejected";

	/** The longest IP address and user agent kept (values relayed from clients are bounded). */
	public static final int IP = 64;

	public static final int USER_AGENT = 512;

	private final JdbcTemplate jdbc;

	Audit(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param subjectId the link or session concerned
	 * @param actor who acted: a staff member's or service client's subject, {@code client}, or {@code system}
	 * @param outcome {@link #SUCCEEDED}, {@link #REJECTED}, or a reason (an ended session's, say)
	 */
	public void record(UUID workspaceId, UUID contactId, String kind, UUID subjectId, String actor, String ip,
			String userAgent, String outcome, Instant at) {
		this.jdbc.update("""
				insert into audit_event (workspace_id, contact_id, kind, subject_id, actor, ip, user_agent, outcome, at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", workspaceId, contactId, kind, subjectId, actor, clip(ip, IP),
				clip(userAgent, USER_AGENT), outcome, Timestamp.from(at));
	}

	/**
	 * Values from the client (relayed by the gateway) are kept, but bounded: for statements that write
	 * audit rows themselves, together with what they record (one round trip instead of two).
	 */
	public static String clip(String value, int length) {
		return (value == null || value.length() <= length) ? value : value.substring(0, length);
	}
}
