package com.coastline.automation.automation.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.coastline.automation.automation.Action;
import com.coastline.automation.automation.ActionType;
import com.coastline.automation.automation.Automation;
import com.coastline.automation.automation.LastRuns.LastRun;
import com.coastline.automation.automation.Trigger;

/**
 * An automation as the back office sees it.
 * @param createdBy subject of the token that created it
 * @param updatedBy subject of the token that last changed it
 * @param version changes with every update; send it back with a change to detect concurrent edits
 * @param lastRun its latest run, or null when it has none
 */
record AutomationView(UUID id, String name, Trigger trigger, boolean enabled, List<ActionView> actions,
		String createdBy, Instant createdAt, String updatedBy, Instant updatedAt, long version, LastRunView lastRun) {

	static AutomationView of(Automation automation, Map<UUID, LastRun> lastRuns) {
		LastRun lastRun = lastRuns.get(automation.id());
		return new AutomationView(automation.id(), automation.name(), automation.trigger(), automation.enabled(),
				automation.actions().stream().map(ActionView::of).toList(), automation.createdBy(),
				automation.createdAt(), automation.updatedBy(), automation.updatedAt(), automation.version(),
				lastRun == null ? null : LastRunView.of(lastRun));
	}

	/**
	 * An automation's latest run, in short (the whole run at {@code GET /api/automation-runs/{id}}).
	 * @param status the run's status ({@code PENDING}, … {@code SENT}, {@code FAILED}, {@code SKIPPED})
	 * @param finishedAt null while it is under way
	 */
	record LastRunView(UUID id, String status, Instant startedAt, Instant finishedAt) {

		static LastRunView of(LastRun run) {
			return new LastRunView(run.id(), run.status(), run.startedAt(), run.finishedAt());
		}
	}

	/** @param templateId the template subject and body were copied from, if any (it may since be gone) */
	record ActionView(ActionType type, String subject, String body, UUID templateId) {

		static ActionView of(Action action) {
			return new ActionView(action.type(), action.subject(), action.body(), action.templateId());
		}
	}
}
