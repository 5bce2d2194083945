package com.coastline.identity.signin;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import com.coastline.identity.portal.Audit;

import com.coastline.platform.web.problem.TooManyRequestsException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Throttling, never a lockout (SECURITY.md), kept in PostgreSQL so that every replica counts the same:
 * <ul>
 * <li>per IP address: fixed windows of sign-in calls; over the limit is a 429 with {@code Retry-After};</li>
 * <li>per email and source: a resend cooldown, growing waits after wrong codes and a daily cap. These
 * only stop codes from being sent, silently, and never touch another source: an attacker elsewhere
 * cannot starve the client.</li>
 * </ul>
 */
@Repository
public class SignInThrottles {

	private final JdbcTemplate jdbc;

	private final SignInProperties settings;

	private final Audit audit;

	SignInThrottles(JdbcTemplate jdbc, SignInProperties settings, Audit audit) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.audit = audit;
	}

	/** What a per-IP limit applies to. */
	public enum PerIp {

		REQUEST, VERIFY, FAILED_REDEMPTION,

		/** A workspace signed up through the back-office gateway's public sign-up page. */
		SIGN_UP

	}

	/**
	 * Counts one call from the address. Call outside the caller's transaction: the count and the audit of
	 * a refusal stay, whatever happens next.
	 * @param workspaceId for the audit, when known
	 * @throws TooManyRequestsException when the address is over the limit in the current window
	 */
	public void count(PerIp what, String ip, String userAgent, UUID workspaceId, Instant now) {
		SignInProperties.Limit limit = limitOf(what);
		Instant windowStart = now.minus(limit.window());
		Window window = this.jdbc.queryForObject("""
				insert into sign_in_throttle (key, window_start, hits, updated_at) values (?, ?, 1, ?)
				on conflict (key) do update set
				  hits = case when sign_in_throttle.window_start <= ? then 1 else sign_in_throttle.hits + 1 end,
				  window_start = case when sign_in_throttle.window_start <= ? then excluded.window_start
				                 else sign_in_throttle.window_start end,
				  updated_at = excluded.updated_at
				returning hits, window_start""", (row, index) -> new Window(row.getInt(1), row.getTimestamp(2).toInstant()),
				ipKey(what, ip), Timestamp.from(now), Timestamp.from(now), Timestamp.from(windowStart),
				Timestamp.from(windowStart));
		if (window.hits() > limit.limit()) {
			throw refuse(what, ip, userAgent, workspaceId, window.start().plus(limit.window()), now);
		}
	}

	/**
	 * Whether a code may go to the email from this source now (cooldown, wait after failures, daily cap);
	 * when it may, the send is recorded. Call in a transaction: the row stays locked until it ends.
	 */
	boolean trySend(String emailKey, Instant now) {
		this.jdbc.update("insert into sign_in_throttle (key, window_start, hits, updated_at) values (?, ?, 0, ?)"
				+ " on conflict (key) do nothing", emailKey, Timestamp.from(now), Timestamp.from(now));
		SendState state = this.jdbc.queryForObject(
				"select last_sent_at, wait_until, day, sent_on_day from sign_in_throttle where key = ? for update",
				(row, index) -> new SendState(instant(row.getTimestamp(1)), instant(row.getTimestamp(2)),
						row.getObject(3, LocalDate.class), row.getInt(4)),
				emailKey);
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		int sentToday = today.equals(state.day()) ? state.sentOnDay() : 0;
		boolean cooling = state.lastSentAt() != null && state.lastSentAt().plus(this.settings.resendCooldown()).isAfter(now);
		boolean waiting = state.waitUntil() != null && state.waitUntil().isAfter(now);
		if (cooling || waiting || sentToday >= this.settings.dailyCap()) {
			return false;
		}
		this.jdbc.update("update sign_in_throttle set last_sent_at = ?, day = ?, sent_on_day = ?, updated_at = ?"
				+ " where key = ?", Timestamp.from(now), today, sentToday + 1, Timestamp.from(now), emailKey);
		return true;
	}

	/** A wrong code from this source: the next code waits longer (doubling, at most the maximum wait). */
	void failed(String emailKey, Instant now) {
		Integer failures = this.jdbc.queryForObject("""
				insert into sign_in_throttle (key, window_start, hits, failures, updated_at) values (?, ?, 0, 1, ?)
				on conflict (key) do update set failures = sign_in_throttle.failures + 1, updated_at = excluded.updated_at
				returning failures""", Integer.class, emailKey, Timestamp.from(now), Timestamp.from(now));
		this.jdbc.update("update sign_in_throttle set wait_until = ? where key = ?",
				Timestamp.from(now.plus(waitAfter(failures))), emailKey);
	}

	/** A successful sign-in from this source starts its limits afresh. */
	void reset(String emailKey) {
		this.jdbc.update("delete from sign_in_throttle where key = ?", emailKey);
	}

	Duration waitAfter(int failures) {
		Duration wait = this.settings.firstWait();
		for (int i = 1; i < failures && wait.compareTo(this.settings.maxWait()) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.settings.maxWait()) < 0) ? wait : this.settings.maxWait();
	}

	/** The per-(email, source) key. */
	static String emailKey(String audience, Object workspaceId, String email, String source) {
		return "send:" + audience + ":" + workspaceId + ":" + email + ":" + source(source);
	}

	private SignInProperties.Limit limitOf(PerIp what) {
		return switch (what) {
			case REQUEST -> this.settings.perIpRequests();
			case VERIFY -> this.settings.perIpVerifications();
			case FAILED_REDEMPTION -> this.settings.perIpFailedRedemptions();
			case SIGN_UP -> this.settings.perIpSignUps();
		};
	}

	private static String ipKey(PerIp what, String ip) {
		return "ip:" + what.name().toLowerCase(Locale.ROOT) + ":" + source(ip);
	}

	private static String source(String ip) {
		return (ip == null || ip.isBlank()) ? "unknown" : ip.strip();
	}

	private TooManyRequestsException refuse(PerIp what, String ip, String userAgent, UUID workspaceId,
			Instant windowEnd, Instant now) {
		this.audit.record((workspaceId != null) ? workspaceId : new UUID(0, 0), null, Audit.THROTTLED, null,
				what.name().toLowerCase(Locale.ROOT), ip, userAgent, Audit.REJECTED, now);
		Duration wait = Duration.between(now, windowEnd);
		return new TooManyRequestsException("Too many sign-in attempts from this network. Try again later.",
				wait.isNegative() ? Duration.ofSeconds(1) : wait);
	}

	private static Instant instant(Timestamp value) {
		return (value != null) ? value.toInstant() : null;
	}

	private record Window(int hits, Instant start) {
	}

	private record SendState(Instant lastSentAt, Instant waitUntil, LocalDate day, int sentOnDay) {
	}
}
