package com.coastline.automation.run;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.coastline.automation.automation.Action;
import com.coastline.automation.automation.Automation;
import com.coastline.automation.automation.Trigger;

import static org.assertj.core.api.Assertions.assertThat;

class AutomationRunTest {

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

	private final Instant now = clock.instant();

	private final Automation automation = Automation.create("Welcome", Trigger.PROJECT_APPROVED,
			List.of(Action.sendEmail("Approved", "Hi")), true, "staff-1", clock);

	private final AutomationRun run = AutomationRun.start(automation, UUID.randomUUID(), UUID.randomUUID(), null, clock);

	private final UUID lease = UUID.randomUUID();

	private final UUID contact = UUID.randomUUID();

	@Test
	void newRunIsPendingAndDueAtOnceUnderKeysNamingTheRun() {
		assertThat(run.status()).isEqualTo(RunStatus.PENDING);
		assertThat(run.trigger()).isEqualTo(Trigger.PROJECT_APPROVED);
		assertThat(run.nextAttemptAt()).isEqualTo(now);
		assertThat(run.emailIdempotencyKey()).isEqualTo("automation-run:" + run.id());
		assertThat(run.linkIdempotencyKey()).isEqualTo("automation-run:" + run.id());
		assertThat(run.startedAt()).isEqualTo(now);
	}

	@Test
	void onlyTheHolderOfTheCurrentLeaseMovesTheRun() {
		run.lease(lease, now.plusSeconds(60));
		UUID otherLease = UUID.randomUUID();

		assertThat(run.emailRequested(otherLease, contact, null, now)).isFalse();
		assertThat(run.waitForRetry(otherLease, "late", now, now)).isFalse();
		assertThat(run.skipped(otherLease, "late", now)).isFalse();
		assertThat(run.failed(otherLease, "late", now)).isFalse();
		assertThat(run.status()).isEqualTo(RunStatus.PROCESSING);

		assertThat(run.emailRequested(lease, contact, null, now)).isTrue();
		assertThat(run.status()).isEqualTo(RunStatus.EMAIL_REQUESTED);
		assertThat(run.contactId()).isEqualTo(contact);
		assertThat(run.attempts()).isEqualTo(1);
		assertThat(run.holds(lease)).isFalse();
	}

	@Test
	void waitingRunCountsItsAttemptsAndKeepsTheLastError() {
		run.lease(lease, now.plusSeconds(60));
		Instant next = now.plusSeconds(4);

		assertThat(run.waitForRetry(lease, "identity-service answered 503", next, now)).isTrue();

		assertThat(run.status()).isEqualTo(RunStatus.WAITING_FOR_RETRY);
		assertThat(run.attempts()).isEqualTo(1);
		assertThat(run.nextAttemptAt()).isEqualTo(next);
		assertThat(run.lastError()).isEqualTo("identity-service answered 503");
		assertThat(run.finishedAt()).isNull();
	}

	@Test
	void sentEmailStaysSentWhenAFailureIsReportedLater() {
		run.lease(lease, now.plusSeconds(60));
		run.emailRequested(lease, contact, null, now);
		Instant sentAt = Instant.parse("2026-11-28T10:00:02Z");

		assertThat(run.emailSent(sentAt, clock)).isTrue();
		assertThat(run.emailFailed(run.emailIdempotencyKey(), "550 mailbox unavailable", Instant.now(), clock)).isFalse();
		assertThat(run.emailSent(Instant.now(), clock)).isFalse();

		assertThat(run.status()).isEqualTo(RunStatus.SENT);
		assertThat(run.finishedAt()).isEqualTo(sentAt);
		assertThat(run.failureReason()).isNull();
	}

	@Test
	void failedEmailThatIsSentAfterAllEndsSent() {
		run.lease(lease, now.plusSeconds(60));
		run.emailRequested(lease, contact, null, now);
		run.emailFailed(run.emailIdempotencyKey(), "timeout", Instant.now(), clock);

		assertThat(run.emailSent(Instant.now(), clock)).isTrue();

		assertThat(run.status()).isEqualTo(RunStatus.SENT);
		assertThat(run.failureReason()).isNull();
	}

	@Test
	void retriedRunStartsAfreshWithANewEmailKeyButTheSameLinkKey() {
		run.lease(lease, now.plusSeconds(60));
		run.failed(lease, "identity-service is unavailable", now);
		assertThat(run.status()).isEqualTo(RunStatus.FAILED);
		String firstEmailKey = run.emailIdempotencyKey();

		assertThat(run.retry(now.plusSeconds(10))).isTrue();

		assertThat(run.status()).isEqualTo(RunStatus.PENDING);
		assertThat(run.retries()).isEqualTo(1);
		assertThat(run.attempts()).isZero();
		assertThat(run.nextAttemptAt()).isEqualTo(now.plusSeconds(10));
		assertThat(run.failureReason()).isNull();
		assertThat(run.emailIdempotencyKey()).isEqualTo("automation-run:" + run.id() + ":retry-1")
			.isNotEqualTo(firstEmailKey);
		assertThat(run.linkIdempotencyKey()).isEqualTo("automation-run:" + run.id());
	}

	@Test
	void aFailureReportAboutTheEmailBeforeARetryDoesNotFailTheRetriedEmail() {
		run.lease(lease, now.plusSeconds(60));
		run.emailRequested(lease, contact, null, now);
		String firstKey = run.emailIdempotencyKey();
		run.emailFailed(firstKey, "550", now, clock);
		run.retry(now);
		UUID second = UUID.randomUUID();
		run.lease(second, now.plusSeconds(60));
		run.emailRequested(second, contact, null, now);

		assertThat(run.emailFailed(firstKey, "550 again", now, clock)).isFalse();
		assertThat(run.status()).isEqualTo(RunStatus.EMAIL_REQUESTED);
	}

	@Test
	void onlyFailedOrSkippedRunsCanBeRetried() {
		assertThat(run.retry(now)).isFalse();
		run.lease(lease, now.plusSeconds(60));
		assertThat(run.retry(now)).isFalse();
		run.skipped(lease, "The client is archived.", now);
		assertThat(run.status()).isEqualTo(RunStatus.SKIPPED);
		assertThat(run.failureReason()).isEqualTo("The client is archived.");
		assertThat(run.retry(now)).isTrue();
	}

	@Test
	void backoffDoublesUpToItsCapWithinTheJitter() {
		RunProperties properties = new RunProperties(java.time.Duration.ofMillis(200), 20, java.time.Duration.ofMinutes(2),
				25, java.time.Duration.ofSeconds(2), java.time.Duration.ofMinutes(10), 0.2, 4);

		assertThat(properties.backoff(1, 0.5)).hasMillis(2000);
		assertThat(properties.backoff(3, 0.5)).hasMillis(8000);
		assertThat(properties.backoff(20, 0.5)).hasMinutes(10);
		assertThat(properties.backoff(1, 0.0)).hasMillis(1600);
		assertThat(properties.backoff(1, 0.999999)).isBetween(java.time.Duration.ofMillis(2399),
				java.time.Duration.ofMillis(2400));
	}
}
