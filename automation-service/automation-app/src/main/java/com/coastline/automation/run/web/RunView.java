package com.coastline.automation.run.web;

import java.time.Instant;
import java.util.UUID;

import com.coastline.automation.run.AutomationRun;
import com.coastline.automation.run.RunStatus;

/**
 * A run as the back office sees it.
 * @param triggerEventId the event that started it (e.g. the ProjectApproved's event id)
 * @param finishedAt when notification sent the email or gave up, or null
 * @param failureReason why notification gave up, or null
 */
record RunView(UUID id, UUID automationId, UUID triggerEventId, UUID projectId, UUID contactId, RunStatus status,
		Instant startedAt, Instant finishedAt, String failureReason) {

	static RunView of(AutomationRun run) {
		return new RunView(run.id(), run.automationId(), run.triggerEventId(), run.projectId(), run.contactId(),
				run.status(), run.startedAt(), run.finishedAt(), run.failureReason());
	}
}
