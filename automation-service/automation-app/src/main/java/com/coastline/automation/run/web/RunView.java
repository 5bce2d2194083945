package com.coastline.automation.run.web;

import java.time.Instant;
import java.util.UUID;

import com.coastline.automation.automation.Trigger;
import com.coastline.automation.run.AutomationRun;
import com.coastline.automation.run.RunStatus;

/**
 * A run as the back office sees it.
 * @param triggerEventId the event that started it (e.g. the ProjectApproved's event id)
 * @param contactId the recipient, or null until the run knows it
 * @param attempts attempts at preparing the email in the current series
 * @param nextAttemptAt when a waiting run tries again, or null
 * @param lastError why the last attempt could not complete, or null
 * @param retries how often the back office retried it
 * @param emailIdempotencyKey the key of its (current) email at notification-service, for the delivery history
 * @param finishedAt when notification sent the email, gave up, or the run was skipped or failed; or null
 * @param failureReason why it failed or was skipped, or null
 */
record RunView(UUID id, UUID automationId, Trigger trigger, UUID triggerEventId, UUID projectId, UUID contactId,
		RunStatus status, int attempts, Instant nextAttemptAt, String lastError, int retries, String emailIdempotencyKey,
		Instant startedAt, Instant finishedAt, String failureReason) {

	static RunView of(AutomationRun run) {
		return new RunView(run.id(), run.automationId(), run.trigger(), run.triggerEventId(), run.projectId(),
				run.contactId(), run.status(), run.attempts(), run.nextAttemptAt(), run.lastError(), run.retries(),
				run.emailIdempotencyKey(), run.startedAt(), run.finishedAt(), run.failureReason());
	}
}
