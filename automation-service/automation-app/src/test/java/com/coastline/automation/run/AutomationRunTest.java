package com.coastline.automation.run;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.coastline.automation.automation.Action;
import com.coastline.automation.automation.Automation;
import com.coastline.automation.automation.Trigger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AutomationRunTest {

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

	private final Automation automation = Automation.create("Welcome", Trigger.PROJECT_APPROVED,
			List.of(Action.sendEmail("Approved", "Hi")), true, "staff-1", clock);

	private final AutomationRun run = AutomationRun.start(automation, UUID.randomUUID(), UUID.randomUUID(),
			UUID.randomUUID(), clock);

	@Test
	void newRunHasRequestedItsEmailUnderAKeyNamingTheRun() {
		assertThat(run.status()).isEqualTo(RunStatus.EMAIL_REQUESTED);
		assertThat(run.emailIdempotencyKey()).isEqualTo("automation-run:" + run.id());
		assertThat(run.startedAt()).isEqualTo(clock.instant());
	}

	@Test
	void sentEmailStaysSentWhenAFailureIsReportedLater() {
		Instant sentAt = Instant.parse("2026-11-28T10:00:02Z");

		assertThat(run.emailSent(sentAt, clock)).isTrue();
		assertThat(run.emailFailed("550 mailbox unavailable", Instant.now(), clock)).isFalse();
		assertThat(run.emailSent(Instant.now(), clock)).isFalse();

		assertThat(run.status()).isEqualTo(RunStatus.EMAIL_SENT);
		assertThat(run.finishedAt()).isEqualTo(sentAt);
		assertThat(run.failureReason()).isNull();
	}

	@Test
	void failedEmailThatIsSentAfterAllEndsSent() {
		run.emailFailed("timeout", Instant.now(), clock);

		assertThat(run.emailSent(Instant.now(), clock)).isTrue();

		assertThat(run.status()).isEqualTo(RunStatus.EMAIL_SENT);
		assertThat(run.failureReason()).isNull();
	}
}
