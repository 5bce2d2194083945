package com.coastline.identity.housekeeping;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;

import com.coastline.identity.IdentityServiceTest;
import com.coastline.identity.portal.MovableSignInClock;
import com.coastline.identity.portal.PortalLinks;
import com.coastline.identity.portal.PortalSessions;
import com.coastline.identity.staff.SignUps;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purge of sign-in records on real PostgreSQL. Links and sessions are made through the product's
 * own operations; the sign-in clock is moved to when the purge runs.
 */
@IdentityServiceTest
class PurgeTest {

	private static final Duration DAY = Duration.ofDays(1);

	@Autowired
	Purge purge;

	@Autowired
	PortalLinks links;

	@Autowired
	PortalSessions sessions;

	@Autowired
	MovableSignInClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	SignUps signUps;

	UUID workspace;

	UUID contact;

	@BeforeEach
	void aContact() {
		workspace = UUID.randomUUID();
		contact = UUID.randomUUID();
		// As the project.events consumer writes it: the projection is not what these tests are about.
		jdbc.update("""
				insert into portal_identity (contact_id, workspace_id, first_name, last_name, email, version, updated_at)
				values (?, ?, 'Dana', 'Reyes', ?, 1, now())""", contact, workspace, "dana+" + contact + "@example.com");
	}

	@AfterEach
	void resetClockAndLock() {
		clock.reset();
		jdbc.update("delete from shedlock where name = ?", Purge.LOCK);
	}

	@Test
	void sessionsGoThirtyDaysAfterTheyEndedOrWentIdleLiveAndRecentOnesStay() {
		// given: at day 0 a session signed out and one left idle; at day 29 a session still in use
		PortalLinks.Issued link = issue();
		PortalSessions.Created signingOut = links.redeem(link.token(), "203.0.113.7", "Mozilla/5.0")
			.orElseThrow()
			.session();
		sessions.signOut(signingOut.secret(), "203.0.113.7", "Mozilla/5.0");
		UUID signedOut = signingOut.session().id();
		UUID idle = redeem(link);
		movedBy(DAY.multipliedBy(29));
		UUID recent = redeem(link);
		purge.run();
		assertThat(sessionsPresent(signedOut, idle, recent)).isEqualTo(3);

		// when: 30 days and an hour after day 0
		movedBy(DAY.multipliedBy(30).plusHours(1));
		purge.run();

		// then
		assertThat(sessionExists(signedOut)).isFalse();
		assertThat(sessionExists(idle)).isFalse();
		assertThat(sessionExists(recent)).isTrue();
		assertThat(linkExists(link)).as("expired an hour ago").isTrue();
	}

	@Test
	void aSessionUsedUntilItsAbsoluteExpiryGoesThirtyDaysAfterThatExpiry() {
		// given: a session used until a minute before its 12 hours ran out
		PortalLinks.Issued link = issue();
		UUID session = redeem(link);
		Instant absoluteExpiry = jdbc.queryForObject("select absolute_expires_at from portal_session where id = ?",
				Timestamp.class, session).toInstant();
		jdbc.update("update portal_session set last_seen_at = ? where id = ?",
				Timestamp.from(absoluteExpiry.minus(Duration.ofMinutes(1))), session);
		Duration untilAbsoluteExpiry = Duration.between(clock.now(), absoluteExpiry);

		// when, then: kept just before 30 days after the absolute expiry, gone just after
		movedBy(untilAbsoluteExpiry.plus(DAY.multipliedBy(30)).minusSeconds(20));
		purge.run();
		assertThat(sessionExists(session)).isTrue();

		movedBy(untilAbsoluteExpiry.plus(DAY.multipliedBy(30)).plusSeconds(20));
		purge.run();
		assertThat(sessionExists(session)).isFalse();
	}

	@Test
	void linksGoThirtyDaysAfterTheyExpiredOrWereRevokedTogetherWithTheirSessions() {
		// given: link A expires at day 30, its last session used until its absolute expiry (day 30, 11 h);
		// link R is revoked at day 1 (ending its session); link L is issued at day 1 and expires at day 31
		PortalLinks.Issued expiring = issue();
		movedBy(DAY);
		PortalLinks.Issued revoked = issue();
		UUID revokedSession = redeem(revoked);
		links.revoke(workspace, contact, revoked.link().id(), "staff-1");
		PortalLinks.Issued later = issue();
		movedBy(DAY.multipliedBy(30).minusHours(1));
		UUID lastSession = redeem(expiring);
		jdbc.update("update portal_session set last_seen_at = absolute_expires_at where id = ?", lastSession);

		// when: 31 days and an hour after day 0
		movedBy(DAY.multipliedBy(31).plusHours(1));
		purge.run();

		// then: only the revoked link (30 days and an hour ago) and its session are gone
		assertThat(linkExists(revoked)).isFalse();
		assertThat(sessionExists(revokedSession)).isFalse();
		assertThat(linkExists(expiring)).isTrue();
		assertThat(linkExists(later)).isTrue();
		assertThat(sessionExists(lastSession)).isTrue();

		// when: 60 days and an hour after day 0
		movedBy(DAY.multipliedBy(60).plusHours(1));
		purge.run();

		// then: link A goes, with its session that alone would have stayed a few hours longer
		assertThat(linkExists(expiring)).isFalse();
		assertThat(sessionExists(lastSession)).isFalse();
		assertThat(linkExists(later)).as("expired 29 days ago").isTrue();
	}

	@Test
	void auditEventsGoAfterFourHundredDaysAndAreCountedPerTable() {
		// given
		double countedBefore = meters.counter(Purge.METER, "table", "audit_event").count();
		Instant now = clock.now();
		long old = auditAt(now.minus(DAY.multipliedBy(400)).minusSeconds(60));
		long older = auditAt(now.minus(DAY.multipliedBy(700)));
		long kept = auditAt(now.minus(DAY.multipliedBy(399)));

		// when
		Map<String, Integer> purged = purge.run();

		// then
		assertThat(auditExists(old)).isFalse();
		assertThat(auditExists(older)).isFalse();
		assertThat(auditExists(kept)).isTrue();
		assertThat(purged).containsEntry("audit_event", 2);
		assertThat(meters.counter(Purge.METER, "table", "audit_event").count()).isEqualTo(countedBefore + 2);
	}

	@Test
	void aBacklogIsDeletedInBatches() {
		// given: five old audit events and a purge that deletes two rows per statement
		Purge smallBatches = new Purge(jdbc, transactions, clock, new SimpleMeterRegistry(),
				new PurgeProperties(Duration.ofHours(1), DAY.multipliedBy(30), DAY.multipliedBy(400), 2));
		Instant longAgo = clock.now().minus(DAY.multipliedBy(500));
		for (int i = 0; i < 5; i++) {
			auditAt(longAgo);
		}

		// when
		Map<String, Integer> purged = smallBatches.run();

		// then
		assertThat(purged).containsEntry("audit_event", 5);
		assertThat(jdbc.queryForObject("select count(*) from audit_event where at = ?", Integer.class,
				Timestamp.from(longAgo))).isZero();
	}

	@Test
	void theScheduledPurgeRunsOnlyUnderItsShedLockLock() {
		// given: another replica holds the purge's lock
		long old = auditAt(clock.now().minus(DAY.multipliedBy(500)));
		jdbc.update("""
				insert into shedlock (name, lock_until, locked_at, locked_by)
				values (?, now() + interval '10 minutes', now(), 'another-replica')
				on conflict (name) do update set lock_until = excluded.lock_until, locked_at = excluded.locked_at,
				  locked_by = excluded.locked_by""", Purge.LOCK);

		// when, then: this replica's scheduled run does nothing
		purge.purgeOnSchedule();
		assertThat(auditExists(old)).isTrue();

		// when, then: once the lock is free, the run takes it and purges
		jdbc.update("update shedlock set lock_until = now() - interval '1 second' where name = ?", Purge.LOCK);
		purge.purgeOnSchedule();
		assertThat(auditExists(old)).isFalse();
		assertThat(jdbc.queryForObject("select locked_by from shedlock where name = ?", String.class, Purge.LOCK))
			.isNotEqualTo("another-replica");
	}

	@Test
	void emailCodesAndAttemptsGoADayAfterExpiryAndThrottlesTwoDaysAfterTheirLastUpdate() {
		// given
		Instant now = clock.now();
		UUID liveAttempt = attempt(now.plus(Duration.ofHours(1)));
		UUID endedLongAgo = attempt(now.minus(DAY).minusSeconds(60));
		UUID endedRecently = attempt(now.minus(DAY).plusSeconds(60));
		UUID expiredLongAgo = code(liveAttempt, now.minus(DAY).minusSeconds(60));
		UUID expiredRecently = code(liveAttempt, now.minus(DAY).plusSeconds(60));
		UUID codeOfAnEndedAttempt = code(endedLongAgo, now.plus(Duration.ofMinutes(5)));
		String staleKey = "test:" + UUID.randomUUID();
		String freshKey = "test:" + UUID.randomUUID();
		throttle(staleKey, now.minus(DAY.multipliedBy(2)).minusSeconds(60));
		throttle(freshKey, now.minus(DAY.multipliedBy(2)).plusSeconds(60));

		try {
			// when
			purge.run();

			// then
			assertThat(count("select count(*) from sign_in_code where id = ?", expiredLongAgo)).isZero();
			assertThat(count("select count(*) from sign_in_code where id = ?", expiredRecently)).isOne();
			assertThat(count("select count(*) from sign_in_attempt where id = ?", endedLongAgo)).isZero();
			assertThat(count("select count(*) from sign_in_code where id = ?", codeOfAnEndedAttempt)).isZero();
			assertThat(count("select count(*) from sign_in_attempt where id = ?", endedRecently)).isOne();
			assertThat(count("select count(*) from sign_in_attempt where id = ?", liveAttempt)).isOne();
			assertThat(count("select count(*) from sign_in_throttle where key = ?", staleKey)).isZero();
			assertThat(count("select count(*) from sign_in_throttle where key = ?", freshKey)).isOne();
		}
		finally {
			jdbc.update("delete from sign_in_attempt where id in (?, ?, ?)", liveAttempt, endedLongAgo, endedRecently);
			jdbc.update("delete from sign_in_throttle where key in (?, ?)", staleKey, freshKey);
		}
	}

	@Test
	void staffSessionsGoThirtyDaysAfterTheyEnded() {
		// given: an owner's session that ended 31 days ago and one that ended 29 days ago
		SignUps.SignUp owner = signUps.signUp("Purge Roofing " + UUID.randomUUID(), ZoneId.of("UTC"),
				Currency.getInstance("USD"), "owner-" + UUID.randomUUID() + "@example.com", "Pat Owner");
		Instant now = clock.now();
		UUID old = staffSession(owner, now.minus(DAY.multipliedBy(31)));
		UUID recent = staffSession(owner, now.minus(DAY.multipliedBy(29)));

		// when
		purge.run();

		// then
		assertThat(count("select count(*) from staff_session where id = ?", old)).isZero();
		assertThat(count("select count(*) from staff_session where id = ?", recent)).isOne();
	}

	private UUID staffSession(SignUps.SignUp owner, Instant endedAt) {
		UUID id = UUID.randomUUID();
		jdbc.update("""
				insert into staff_session (id, workspace_id, staff_id, secret_hash, method, created_at, last_seen_at,
				  absolute_expires_at, ended_at)
				values (?, ?, ?, ?, 'code', ?, ?, ?, ?)""", id, owner.workspace().getId(), owner.owner().getId(),
				random32(), Timestamp.from(endedAt.minus(Duration.ofHours(1))), Timestamp.from(endedAt),
				Timestamp.from(endedAt.plus(Duration.ofHours(11))), Timestamp.from(endedAt));
		return id;
	}

	private UUID attempt(Instant expiresAt) {
		UUID id = UUID.randomUUID();
		jdbc.update("""
				insert into sign_in_attempt (id, secret_hash, audience, workspace_id, email, created_at, expires_at)
				values (?, ?, 'client', ?, 'dana@example.com', ?, ?)""", id, random32(), workspace,
				Timestamp.from(expiresAt.minus(Duration.ofHours(1))), Timestamp.from(expiresAt));
		return id;
	}

	private PortalLinks.Issued issue() {
		return links.issue(workspace, contact, null, "staff-1", null, null);
	}

	/** Redeems the link; the new session's row id. */
	private UUID redeem(PortalLinks.Issued link) {
		return links.redeem(link.token(), "203.0.113.7", "Mozilla/5.0").orElseThrow().session().session().id();
	}

	private void movedBy(Duration sinceStart) {
		clock.reset();
		clock.advance(sinceStart);
	}

	private boolean sessionExists(UUID session) {
		return count("select count(*) from portal_session where id = ?", session) == 1;
	}

	private int sessionsPresent(UUID... ids) {
		int present = 0;
		for (UUID id : ids) {
			present += sessionExists(id) ? 1 : 0;
		}
		return present;
	}

	private boolean linkExists(PortalLinks.Issued link) {
		return count("select count(*) from portal_link where id = ?", link.link().id()) == 1;
	}

	private long auditAt(Instant at) {
		return jdbc.queryForObject("""
				insert into audit_event (workspace_id, contact_id, kind, actor, outcome, at)
				values (?, ?, 'link-issued', 'staff-1', 'succeeded', ?) returning id""", Long.class, workspace, contact,
				Timestamp.from(at));
	}

	private boolean auditExists(long id) {
		return count("select count(*) from audit_event where id = ?", id) == 1;
	}

	private UUID code(UUID attempt, Instant expiresAt) {
		UUID id = UUID.randomUUID();
		jdbc.update("""
				insert into sign_in_code (id, attempt_id, code_hash, pepper_id, created_at, expires_at)
				values (?, ?, ?, 'local-1', ?, ?)""", id, attempt, random32(),
				Timestamp.from(expiresAt.minus(Duration.ofMinutes(10))), Timestamp.from(expiresAt));
		return id;
	}

	private void throttle(String key, Instant updatedAt) {
		jdbc.update("insert into sign_in_throttle (key, window_start, hits, updated_at) values (?, ?, 1, ?)", key,
				Timestamp.from(updatedAt), Timestamp.from(updatedAt));
	}

	private int count(String sql, Object argument) {
		return jdbc.queryForObject(sql, Integer.class, argument);
	}

	private static byte[] random32() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}
}
