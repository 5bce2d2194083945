package com.coastline.automation.run;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Predicate;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.coastline.notification.api.EmailFailed;
import com.coastline.notification.api.EmailSent;
import com.coastline.notification.api.SendEmail;

import org.springframework.stereotype.Service;

/**
 * Records what notification-service reports about a run's email. Reports about emails that no run of
 * the workspace asked for (sign-in codes, another workspace's runs, runs unknown here) are ignored.
 */
@Service
public class RunOutcomes {

	private static final Logger log = LoggerFactory.getLogger(RunOutcomes.class);

	private final AutomationRuns runs;

	private final MeterRegistry meters;

	private final Clock clock;

	RunOutcomes(AutomationRuns runs, MeterRegistry meters, Clock clock) {
		this.runs = runs;
		this.meters = meters;
		this.clock = clock;
	}

	public void emailSent(EmailSent event) {
		record(event.workspaceId(), event.correlation(), run -> run.emailSent(event.sentAt(), clock));
	}

	public void emailFailed(EmailFailed event) {
		record(event.workspaceId(), event.correlation(),
				run -> run.emailFailed(event.idempotencyKey(), event.reason(), event.failedAt(), clock));
	}

	private void record(UUID workspaceId, SendEmail.Correlation correlation, Predicate<AutomationRun> change) {
		UUID runId = correlation == null ? null : correlation.automationRunId();
		if (workspaceId == null || runId == null) {
			return;
		}
		// The consumer's transaction runs with the event's workspace as the tenant: another's run is not found.
		runs.findById(runId).ifPresentOrElse(run -> {
			if (change.test(run)) {
				meters.counter("coastline.automation.runs.finished", "status", run.status().name()).increment();
			}
		}, () -> log.debug("No run {} in workspace {}; ignoring its email report", runId, workspaceId));
	}
}
