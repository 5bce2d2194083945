package com.coastline.automation.automation.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.coastline.automation.automation.Action;
import com.coastline.automation.automation.ActionType;
import com.coastline.automation.automation.Automation;
import com.coastline.automation.automation.Trigger;

/**
 * An automation as the back office sees it.
 * @param createdBy subject of the token that created it
 * @param updatedBy subject of the token that last changed it
 * @param version changes with every update; send it back with a change to detect concurrent edits
 */
record AutomationView(UUID id, String name, Trigger trigger, boolean enabled, List<ActionView> actions,
		String createdBy, Instant createdAt, String updatedBy, Instant updatedAt, long version) {

	static AutomationView of(Automation automation) {
		return new AutomationView(automation.id(), automation.name(), automation.trigger(), automation.enabled(),
				automation.actions().stream().map(ActionView::of).toList(), automation.createdBy(),
				automation.createdAt(), automation.updatedBy(), automation.updatedAt(), automation.version());
	}

	/** @param templateId the template subject and body were copied from, if any (it may since be gone) */
	record ActionView(ActionType type, String subject, String body, UUID templateId) {

		static ActionView of(Action action) {
			return new ActionView(action.type(), action.subject(), action.body(), action.templateId());
		}
	}
}
