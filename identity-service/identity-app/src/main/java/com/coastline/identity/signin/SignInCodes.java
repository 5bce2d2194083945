package com.coastline.identity.signin;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.coastline.identity.portal.Audit;
import com.coastline.identity.portal.Secrets;
import com.coastline.identity.portal.SignInClock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Email codes (SECURITY.md, "Email code"), for clients and staff alike. A code belongs to one sign-in
 * attempt (whose secret is the gateway's pre-session cookie): asking again in that attempt replaces its
 * code, asking elsewhere never touches it. Stored only as an HMAC; 10 minutes; three tries.
 * <p>
 * The methods here are steps of the callers' transactions ({@code PortalCodeSignIn},
 * {@code StaffCodeSignIn}), which add what a verified email signs in as.
 */
@Service
public class SignInCodes {

	public static final int MAX_ATTEMPTS = 3;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final UUID NO_WORKSPACE = new UUID(0, 0);

	private final JdbcTemplate jdbc;

	private final CodePepper pepper;

	private final SignInThrottles throttles;

	private final CodeEmails emails;

	private final Audit audit;

	private final SignInClock clock;

	private final SignInProperties settings;

	private final SignInMeters meters;

	SignInCodes(JdbcTemplate jdbc, SignInProperties settings, SignInThrottles throttles, CodeEmails emails, Audit audit,
			SignInClock clock, SignInMeters meters) {
		this.jdbc = jdbc;
		this.pepper = new CodePepper(settings.pepper());
		this.settings = settings;
		this.throttles = throttles;
		this.emails = emails;
		this.audit = audit;
		this.clock = clock;
		this.meters = meters;
	}

	/** Who signs in: a portal client (of one workspace) or a staff member (workspace chosen after). */
	public enum Audience {

		CLIENT("client"), STAFF("staff");

		private final String value;

		Audience(String value) {
			this.value = value;
		}

		public String value() {
			return this.value;
		}
	}

	/**
	 * The answer to every code request, whatever the email.
	 * @param attempt the attempt's secret, for the gateway's pre-session cookie (new, or the one it sent)
	 * @param expiresAt when the attempt ends
	 */
	public record Requested(String attempt, Instant expiresAt) {
	}

	/**
	 * Whom a code email goes to; absent when the email is not on file (then no mail goes out).
	 * @param name the recipient's name, or null
	 * @param signInTo what the code signs in to, for the subject ("Summit Roofing", "Coastline")
	 * @param workspaceId the workspace the email is sent for ({@code SendEmail.workspaceId}: its branding and
	 * delivery record); notification-service refuses an email for no workspace
	 */
	public record Recipient(String name, String signInTo, UUID workspaceId) {
	}

	/** An attempt whose email has been proven by its code. */
	public record Verified(UUID attemptId, Audience audience, UUID workspaceId, String email, String source) {
	}

	/** Why a code did not work. {@code attemptsLeft} is 0 when the code is burned, expired, used or absent. */
	public record Refused(int attemptsLeft) {
	}

	/**
	 * Issues a code for the attempt (a new attempt unless {@code attemptSecret} names a live one for the
	 * same audience, workspace and email) and, when {@code recipient} is present and the per-source limits
	 * allow, emails it. Call in a transaction, after the per-IP count.
	 * @param email normalised and valid
	 */
	public Requested request(Audience audience, UUID workspaceId, String email, String attemptSecret, String ip,
			String userAgent, Optional<Recipient> recipient) {
		Instant now = this.clock.now();
		String secret = attemptSecret;
		Optional<Attempt> attempt = (secret == null || secret.isEmpty() || secret.length() > 256) ? Optional.empty()
				: this.jdbc.query("""
						select id, expires_at from sign_in_attempt where secret_hash = ? and audience = ?
						  and workspace_id is not distinct from ? and email = ? and expires_at > ? and completed_at is null""",
						(row, index) -> new Attempt(row.getObject(1, UUID.class), row.getTimestamp(2).toInstant()),
						Secrets.hash(secret), audience.value(), workspaceId, email, Timestamp.from(now))
					.stream()
					.findFirst();
		if (attempt.isEmpty()) {
			secret = Secrets.generate();
			Attempt created = new Attempt(UUID.randomUUID(), now.plus(this.settings.attemptLifetime()));
			this.jdbc.update("""
					insert into sign_in_attempt (id, secret_hash, audience, workspace_id, email, source, created_at, expires_at)
					values (?, ?, ?, ?, ?, ?, ?, ?)""", created.id(), Secrets.hash(secret), audience.value(), workspaceId,
					email, clip(ip), Timestamp.from(now), Timestamp.from(created.expiresAt()));
			attempt = Optional.of(created);
		}
		UUID attemptId = attempt.get().id();
		UUID auditWorkspace = (workspaceId != null) ? workspaceId : NO_WORKSPACE;
		if (!this.throttles.trySend(SignInThrottles.emailKey(audience.value(), workspaceId, email, ip), now)) {
			this.audit.record(auditWorkspace, null, Audit.CODE_THROTTLED, attemptId, audience.value(), ip, userAgent,
					Audit.REJECTED, now);
			this.meters.codeRequested(audience.value(), SignInMeters.THROTTLED);
			return new Requested(secret, attempt.get().expiresAt());
		}
		// Unknown emails get a code row too (never mailed): both paths do the same work.
		String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
		UUID codeId = UUID.randomUUID();
		this.jdbc.update("update sign_in_code set superseded_at = ? where attempt_id = ? and used_at is null"
				+ " and superseded_at is null", Timestamp.from(now), attemptId);
		this.jdbc.update("""
				insert into sign_in_code (id, attempt_id, code_hash, pepper_id, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?)""", codeId, attemptId, this.pepper.hash(this.pepper.currentId(), attemptId, code),
				this.pepper.currentId(), Timestamp.from(now), Timestamp.from(now.plus(this.settings.codeLifetime())));
		recipient.ifPresent(to -> this.emails.send(codeId, email, to, code, now));
		this.audit.record(auditWorkspace, null, Audit.CODE_REQUESTED, attemptId, audience.value(), ip, userAgent,
				recipient.isPresent() ? Audit.SUCCEEDED : Audit.UNKNOWN_EMAIL, now);
		this.meters.codeRequested(audience.value(), recipient.isPresent() ? SignInMeters.SENT : SignInMeters.UNKNOWN_EMAIL);
		return new Requested(secret, attempt.get().expiresAt());
	}

	/**
	 * Tries a code in its attempt. The try is counted before the comparison, and the code is consumed by a
	 * conditional update whose row count decides, so parallel submissions of the right code verify once.
	 * Call in a transaction, after the per-IP count; a refusal must still commit (it counts). A refusal is
	 * counted in {@link SignInMeters} here, a success by the caller once it knows what the email signs in as.
	 * @return the verified attempt, or why not
	 */
	public Result verify(Audience audience, String attemptSecret, String code, String ip, String userAgent) {
		Instant now = this.clock.now();
		Optional<Verified> attempt = liveAttempt(audience, attemptSecret, now, ip);
		if (attempt.isEmpty()) {
			this.meters.signIn(audience.value(), SignInMeters.CODE, SignInMeters.EXPIRED);
			return Result.refused(0);
		}
		Verified verified = attempt.get();
		UUID auditWorkspace = (verified.workspaceId() != null) ? verified.workspaceId() : NO_WORKSPACE;
		List<Tried> tried = this.jdbc.query("""
				update sign_in_code set attempts = attempts + 1
				where attempt_id = ? and used_at is null and superseded_at is null and expires_at > ? and attempts < ?
				returning id, code_hash, pepper_id, attempts""",
				(row, index) -> new Tried(row.getObject(1, UUID.class), row.getBytes(2), row.getString(3), row.getInt(4)),
				verified.attemptId(), Timestamp.from(now), MAX_ATTEMPTS);
		if (tried.isEmpty()) {
			this.audit.record(auditWorkspace, null, Audit.CODE_FAILED, verified.attemptId(), audience.value(), ip,
					userAgent, Audit.NO_LIVE_CODE, now);
			this.meters.signIn(audience.value(), SignInMeters.CODE, SignInMeters.EXPIRED);
			return Result.refused(0);
		}
		Tried live = tried.get(0);
		String emailKey = SignInThrottles.emailKey(audience.value(), verified.workspaceId(), verified.email(), ip);
		if (code == null || !this.pepper.matches(live.pepperId(), verified.attemptId(), code, live.hash())) {
			this.throttles.failed(emailKey, now);
			int left = MAX_ATTEMPTS - live.attempts();
			this.audit.record(auditWorkspace, null, (left == 0) ? Audit.CODE_BURNED : Audit.CODE_FAILED,
					verified.attemptId(), audience.value(), ip, userAgent, Audit.REJECTED, now);
			this.meters.signIn(audience.value(), SignInMeters.CODE, SignInMeters.WRONG_CODE);
			return Result.refused(left);
		}
		int used = this.jdbc.update("update sign_in_code set used_at = ? where id = ? and used_at is null",
				Timestamp.from(now), live.id());
		if (used != 1) {
			this.meters.signIn(audience.value(), SignInMeters.CODE, SignInMeters.EXPIRED);
			return Result.refused(0);
		}
		this.jdbc.update("update sign_in_attempt set verified_at = ? where id = ?", Timestamp.from(now),
				verified.attemptId());
		this.throttles.reset(emailKey);
		this.audit.record(auditWorkspace, null, Audit.CODE_USED, verified.attemptId(), audience.value(), ip, userAgent,
				Audit.SUCCEEDED, now);
		return Result.verified(verified);
	}

	/**
	 * Completes a verified attempt (once): when its code was right and the choice of identity is still to
	 * make, within the code lifetime. Call in a transaction; roll it back if the choice is refused.
	 */
	public Optional<Verified> complete(Audience audience, String attemptSecret) {
		if (attemptSecret == null || attemptSecret.isEmpty() || attemptSecret.length() > 256) {
			return Optional.empty();
		}
		Instant now = this.clock.now();
		return this.jdbc.query("""
				update sign_in_attempt set completed_at = ?
				where secret_hash = ? and audience = ? and verified_at is not null and completed_at is null
				  and expires_at > ? and verified_at > ?
				returning id, workspace_id, email, source""",
				(row, index) -> new Verified(row.getObject(1, UUID.class), audience, row.getObject(2, UUID.class),
						row.getString(3), row.getString(4)),
				Timestamp.from(now), Secrets.hash(attemptSecret), audience.value(), Timestamp.from(now),
				Timestamp.from(now.minus(this.settings.codeLifetime())))
			.stream()
			.findFirst();
	}

	/** Marks a verified attempt done when it signed in at once (one identity). */
	public void completed(Verified verified) {
		this.jdbc.update("update sign_in_attempt set completed_at = ? where id = ?", Timestamp.from(this.clock.now()),
				verified.attemptId());
	}

	private Optional<Verified> liveAttempt(Audience audience, String secret, Instant now, String ip) {
		if (secret == null || secret.isEmpty() || secret.length() > 256) {
			return Optional.empty();
		}
		return this.jdbc.query("""
				select id, workspace_id, email from sign_in_attempt
				where secret_hash = ? and audience = ? and expires_at > ? and completed_at is null""",
				(row, index) -> new Verified(row.getObject(1, UUID.class), audience, row.getObject(2, UUID.class),
						row.getString(3), ip),
				Secrets.hash(secret), audience.value(), Timestamp.from(now))
			.stream()
			.findFirst();
	}

	private static String clip(String value) {
		return (value == null || value.length() <= 64) ? value : value.substring(0, 64);
	}

	/** A verified attempt, or a refusal. */
	public record Result(Verified verified, Refused refused) {

		static Result verified(Verified verified) {
			return new Result(verified, null);
		}

		static Result refused(int attemptsLeft) {
			return new Result(null, new Refused(attemptsLeft));
		}

		public boolean isVerified() {
			return this.verified != null;
		}
	}

	private record Attempt(UUID id, Instant expiresAt) {
	}

	private record Tried(UUID id, byte[] hash, String pepperId, int attempts) {
	}
}
