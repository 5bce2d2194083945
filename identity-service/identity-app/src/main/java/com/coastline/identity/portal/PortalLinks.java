package com.coastline.identity.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.coastline.identity.api.LinkIssued;
import com.coastline.identity.api.LinkRevoked;
import com.coastline.identity.signin.SignInMeters;
import com.coastline.platform.web.problem.ConflictException;
import com.coastline.platform.web.problem.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-tap links (SECURITY.md): a 256-bit random token, stored only as its SHA-256 and shown once at
 * issue; valid 30 days from issue and reusable within them, each use opening a new session. Every
 * query names the workspace: a contact of another workspace does not exist here.
 */
@Service
public class PortalLinks {

	public static final Duration LIFETIME = Duration.ofDays(30);

	public static final String REVOKED = "revoked";

	public static final String REISSUED = "reissued";

	public static final String EMAIL_CHANGED = "email-changed";

	public static final String CONTACT_ARCHIVED = "contact-archived";

	public static final String METHOD = "link";

	/** Tokens are 43 characters; anything much longer is not worth hashing. */
	private static final int MAX_TOKEN = 256;

	/** The newest fence under a caller's idempotency key, revoked links included (index {@code portal_link_fence}). */
	static final String NEWEST_FENCE = "select max(idempotency_fence) from portal_link"
			+ " where workspace_id = ? and contact_id = ? and issued_by = ? and idempotency_key = ?";

	private static final String COLUMNS = """
			id, workspace_id, contact_id, project_id, issued_by, issued_at, expires_at, last_used_at, revoked_at,
			revoked_reason""";

	private final JdbcTemplate jdbc;

	private final PortalSessions sessions;

	private final Audit audit;

	private final ApplicationEventPublisher events;

	private final SignInClock clock;

	private final SignInMeters meters;

	PortalLinks(JdbcTemplate jdbc, PortalSessions sessions, Audit audit, ApplicationEventPublisher events,
			SignInClock clock, SignInMeters meters) {
		this.jdbc = jdbc;
		this.sessions = sessions;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.meters = meters;
	}

	/** A link as stored (never its token). */
	public record Link(UUID id, UUID workspaceId, UUID contactId, UUID projectId, String issuedBy, Instant issuedAt,
			Instant expiresAt, Instant lastUsedAt, Instant revokedAt, String revokedReason) {
	}

	/** A link just issued, with its token: the only time the token exists outside the caller's hands. */
	public record Issued(Link link, String token) {
	}

	/** A successful redemption: the new session and the link it came from. */
	public record Redeemed(PortalSessions.Created session, Link link) {
	}

	/**
	 * Issues a link for the contact. With an idempotency key, the link issued earlier by the same
	 * caller under that key (an automation run retried) is revoked first, with its sessions. A fencing
	 * token orders the attempts under a key: a request whose fence is older than one a link was already
	 * issued under is a late attempt and is refused, so it cannot revoke the link a newer attempt handed on.
	 * Attempts are serialised by the lock on the contact.
	 *
	 * @param fence the attempt's fencing token (any increasing number, e.g. a claim's version), or
	 * {@code null}: then the request counts as the newest
	 * @throws NotFoundException when the workspace has no such contact
	 * @throws ConflictException when the contact is archived
	 * @throws PortalNotActive when the workspace's portal is deactivated ({@link PortalStates})
	 * @throws LinkSuperseded when a link was issued under the key with a newer fence
	 */
	@Transactional
	public Issued issue(UUID workspaceId, UUID contactId, UUID projectId, String issuedBy, String idempotencyKey,
			Long fence) {
		PortalIdentity contact = lockContact(workspaceId, contactId);
		if (contact.archived()) {
			throw new ConflictException("Contact " + contactId + " is archived and cannot receive a link.");
		}
		if (portalDeactivated(workspaceId)) {
			throw new PortalNotActive(workspaceId);
		}
		if (idempotencyKey != null) {
			if (fence != null) {
				Long newest = this.jdbc.queryForObject(NEWEST_FENCE, Long.class, workspaceId, contactId, issuedBy,
						idempotencyKey);
				if (newest != null && newest > fence) {
					throw new LinkSuperseded(idempotencyKey, fence, newest);
				}
			}
			revoke(this.jdbc.query("update portal_link set revoked_at = ?, revoked_reason = ? where workspace_id = ?"
					+ " and contact_id = ? and issued_by = ? and idempotency_key = ? and revoked_at is null returning "
					+ COLUMNS, PortalLinks::map, Timestamp.from(this.clock.now()), REISSUED, workspaceId, contactId, issuedBy,
					idempotencyKey),
					REISSUED, issuedBy);
		}
		Instant now = this.clock.now();
		String token = Secrets.generate();
		Link link = new Link(UUID.randomUUID(), workspaceId, contactId, projectId, issuedBy, now, now.plus(LIFETIME),
				null, null, null);
		this.jdbc.update("""
				insert into portal_link (id, workspace_id, contact_id, project_id, token_hash, issued_by, issued_at,
				  expires_at, idempotency_key, idempotency_fence)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", link.id(), workspaceId, contactId, projectId,
				Secrets.hash(token), issuedBy, Timestamp.from(now), Timestamp.from(link.expiresAt()), idempotencyKey,
				(idempotencyKey != null) ? fence : null);
		this.audit.record(workspaceId, contactId, Audit.LINK_ISSUED, link.id(), issuedBy, null, null, Audit.SUCCEEDED,
				now);
		this.events.publishEvent(new LinkIssued(UUID.randomUUID(), workspaceId, contactId, link.id(), projectId,
				issuedBy, now, link.expiresAt()));
		return new Issued(link, token);
	}

	/** Every link issued for the contact, newest first, revoked and expired ones included. */
	@Transactional(readOnly = true)
	public List<Link> of(UUID workspaceId, UUID contactId) {
		requireContact(workspaceId, contactId);
		return this.jdbc.query("select " + COLUMNS + " from portal_link where workspace_id = ? and contact_id = ?"
				+ " order by issued_at desc, id", PortalLinks::map, workspaceId, contactId);
	}

	/** Revokes one link of the contact (and ends its sessions); revoking a revoked link changes nothing. */
	@Transactional
	public void revoke(UUID workspaceId, UUID contactId, UUID linkId, String actor) {
		requireContact(workspaceId, contactId);
		List<Link> revoked = this.jdbc.query("update portal_link set revoked_at = ?, revoked_reason = ? where id = ?"
				+ " and workspace_id = ? and contact_id = ? and revoked_at is null returning " + COLUMNS, PortalLinks::map,
				Timestamp.from(this.clock.now()), REVOKED, linkId, workspaceId, contactId);
		if (revoked.isEmpty() && this.jdbc.queryForObject(
				"select count(*) from portal_link where id = ? and workspace_id = ? and contact_id = ?", Integer.class,
				linkId, workspaceId, contactId) == 0) {
			throw new NotFoundException("Link", linkId);
		}
		revoke(revoked, REVOKED, actor);
	}

	/** Revokes all the contact's live links and ends their sessions; the number revoked. */
	@Transactional
	public int revokeAll(UUID workspaceId, UUID contactId, String actor) {
		requireContact(workspaceId, contactId);
		return revokeAllOf(workspaceId, contactId, REVOKED, actor);
	}

	/** Revokes all the contact's live links with the given reason, ending their sessions. Call in a transaction. */
	int revokeAllOf(UUID workspaceId, UUID contactId, String reason, String actor) {
		List<Link> revoked = this.jdbc.query("update portal_link set revoked_at = ?, revoked_reason = ?"
				+ " where workspace_id = ? and contact_id = ? and revoked_at is null returning " + COLUMNS, PortalLinks::map,
				Timestamp.from(this.clock.now()), reason, workspaceId, contactId);
		revoke(revoked, reason, actor);
		return revoked.size();
	}

	/**
	 * Revokes every live link of the workspace with the given reason, ending their sessions (its portal
	 * was turned off). Call in a transaction.
	 */
	int revokeAllInWorkspace(UUID workspaceId, String reason, String actor) {
		List<Link> revoked = this.jdbc.query("update portal_link set revoked_at = ?, revoked_reason = ?"
				+ " where workspace_id = ? and revoked_at is null returning " + COLUMNS, PortalLinks::map,
				Timestamp.from(this.clock.now()), reason, workspaceId);
		revoke(revoked, reason, actor);
		return revoked.size();
	}

	/** Whether the workspace's newest known portal state is deactivated. */
	private boolean portalDeactivated(UUID workspaceId) {
		return this.jdbc.queryForObject(
				"select exists (select 1 from portal_state where workspace_id = ? and not active)", Boolean.class,
				workspaceId);
	}

	private void revoke(List<Link> revoked, String reason, String actor) {
		Instant now = this.clock.now();
		for (Link link : revoked) {
			this.audit.record(link.workspaceId(), link.contactId(), Audit.LINK_REVOKED, link.id(), actor, null, null,
					reason, now);
			this.events.publishEvent(new LinkRevoked(UUID.randomUUID(), link.workspaceId(), link.contactId(), link.id(),
					reason, now));
		}
		this.sessions.endFromLinks(revoked.stream().map(Link::id).toList(), reason, actor);
	}

	/**
	 * Redeems a token: when it names a live link (not revoked, not expired, its contact not archived, its
	 * workspace's portal not deactivated),
	 * records the use and opens a new session. Every failure is the same empty answer, whatever the
	 * reason, so that callers learn nothing about tokens they do not hold; a known link's failed use
	 * is audited. Every redemption is counted in {@link SignInMeters} with its outcome: success, or why it
	 * failed (invalid, expired, revoked, inactive).
	 */
	@Transactional
	public Optional<Redeemed> redeem(String token, String ip, String userAgent) {
		if (token == null || token.isEmpty() || token.length() > MAX_TOKEN) {
			this.meters.signIn(SignInMeters.CLIENT, SignInMeters.LINK, SignInMeters.INVALID);
			return Optional.empty();
		}
		byte[] hash = Secrets.hash(token);
		Instant now = this.clock.now();
		String secret = Secrets.generate();
		UUID sessionId = UUID.randomUUID();
		Timestamp at = Timestamp.from(now);
		String auditIp = Audit.clip(ip, Audit.IP);
		String auditUserAgent = Audit.clip(userAgent, Audit.USER_AGENT);
		// One statement, one round trip: the link's use, the new session (what PortalSessions.open stores) and
		// their two audit rows, in that order. When the link is not live, it changes nothing.
		Optional<Link> used = this.jdbc.query("""
				with used as (
				  update portal_link l set last_used_at = ?
				  where token_hash = ? and revoked_at is null and expires_at > ?
				    and exists (select 1 from portal_identity i where i.contact_id = l.contact_id and not i.archived)
				    and not exists (select 1 from portal_state s where s.workspace_id = l.workspace_id and not s.active)
				  returning""" + " " + COLUMNS + """
				),
				opened as (
				  insert into portal_session (id, workspace_id, contact_id, link_id, project_id, secret_hash, method,
				    created_at, last_seen_at, absolute_expires_at, ip, user_agent)
				  select cast(? as uuid), workspace_id, contact_id, id, project_id, ?, ?, cast(? as timestamptz),
				    cast(? as timestamptz), cast(? as timestamptz), ?, ?
				  from used
				),
				audited as (
				  insert into audit_event (workspace_id, contact_id, kind, subject_id, actor, ip, user_agent, outcome, at)
				  select u.workspace_id, u.contact_id, e.kind, case e.n when 1 then u.id else cast(? as uuid) end, 'client',
				    ?, ?, ?, cast(? as timestamptz)
				  from used u cross join (values (1, ?), (2, ?)) e (n, kind)
				  order by e.n
				)
				select""" + " " + COLUMNS + " from used", PortalLinks::map, at, hash, at, sessionId,
				Secrets.hash(secret), METHOD, at, at, Timestamp.from(now.plus(PortalSessions.ABSOLUTE)), ip, userAgent,
				sessionId, auditIp, auditUserAgent, Audit.SUCCEEDED, at, Audit.LINK_USED, Audit.SESSION_CREATED)
			.stream()
			.findFirst();
		if (used.isEmpty()) {
			List<Link> known = this.jdbc.query("select " + COLUMNS + " from portal_link where token_hash = ?",
					PortalLinks::map, hash);
			known.forEach(link -> this.audit.record(link.workspaceId(), link.contactId(), Audit.LINK_USED, link.id(),
					"client", ip, userAgent, Audit.REJECTED, now));
			this.meters.signIn(SignInMeters.CLIENT, SignInMeters.LINK, known.stream()
				.findFirst()
				.map(link -> (link.revokedAt() != null) ? SignInMeters.REVOKED
						: link.expiresAt().isAfter(now) ? SignInMeters.INACTIVE : SignInMeters.EXPIRED)
				.orElse(SignInMeters.INVALID));
			return Optional.empty();
		}
		this.meters.signIn(SignInMeters.CLIENT, SignInMeters.LINK, SignInMeters.SUCCESS);
		Link link = used.get();
		PortalSessions.Session session = new PortalSessions.Session(sessionId, link.workspaceId(), link.contactId(),
				link.id(), link.projectId(), METHOD, now, now, now.plus(PortalSessions.ABSOLUTE), ip, userAgent);
		return Optional.of(new Redeemed(this.sessions.announce(session, secret), link));
	}

	/** The workspace of a contact, whichever it is: for service clients that act across workspaces. */
	@Transactional(readOnly = true)
	public Optional<UUID> workspaceOf(UUID contactId) {
		return this.jdbc.queryForList("select workspace_id from portal_identity where contact_id = ?", UUID.class,
				contactId).stream().findFirst();
	}

	private PortalIdentity lockContact(UUID workspaceId, UUID contactId) {
		return this.jdbc.query("select " + PortalIdentity.COLUMNS + " from portal_identity where workspace_id = ?"
				+ " and contact_id = ? for update", PortalIdentity::map, workspaceId, contactId)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Contact", contactId));
	}

	/** @throws NotFoundException when the workspace has no such contact */
	@Transactional(readOnly = true)
	public void requireContact(UUID workspaceId, UUID contactId) {
		if (this.jdbc.queryForObject("select count(*) from portal_identity where workspace_id = ? and contact_id = ?",
				Integer.class, workspaceId, contactId) == 0) {
			throw new NotFoundException("Contact", contactId);
		}
	}

	private static Link map(ResultSet row, int index) throws SQLException {
		return new Link(row.getObject("id", UUID.class), row.getObject("workspace_id", UUID.class),
				row.getObject("contact_id", UUID.class), row.getObject("project_id", UUID.class),
				row.getString("issued_by"), instant(row, "issued_at"), instant(row, "expires_at"),
				instant(row, "last_used_at"), instant(row, "revoked_at"), row.getString("revoked_reason"));
	}

	static Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp value = row.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}
}
