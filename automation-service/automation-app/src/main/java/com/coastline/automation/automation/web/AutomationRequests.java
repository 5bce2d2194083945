package com.coastline.automation.automation.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.coastline.automation.automation.Action;
import com.coastline.automation.automation.ActionType;
import com.coastline.automation.automation.Automation;
import com.coastline.automation.automation.Trigger;

/** Request bodies of the automations API. */
final class AutomationRequests {

	static final int MAX_ACTIONS = 10;

	private AutomationRequests() {
	}

	/**
	 * A new automation.
	 * @param name shown in the back office
	 * @param trigger what starts it, e.g. {@code PROJECT_APPROVED}
	 * @param enabled whether it runs; true when left out
	 * @param actions what it does, in order
	 */
	record NewAutomation(@NotBlank @Size(max = Automation.MAX_NAME_LENGTH) String name,
			@NotNull @OneOf(Trigger.class) String trigger, Boolean enabled,
			@NotEmpty @Size(max = MAX_ACTIONS) List<@NotNull @Valid ActionRequest> actions) {

		Trigger triggerValue() {
			return Trigger.valueOf(trigger);
		}

		List<Action> actionValues() {
			return actions.stream().map(ActionRequest::toAction).toList();
		}
	}

	/**
	 * The new state of an automation (its trigger cannot change).
	 * @param version the version the caller read; when given and stale, the change is refused with 409
	 */
	record AutomationChange(@NotBlank @Size(max = Automation.MAX_NAME_LENGTH) String name, @NotNull Boolean enabled,
			@NotEmpty @Size(max = MAX_ACTIONS) List<@NotNull @Valid ActionRequest> actions,
			@PositiveOrZero Long version) {

		List<Action> actionValues() {
			return actions.stream().map(ActionRequest::toAction).toList();
		}
	}

	/**
	 * One action. {@code SEND_EMAIL} emails the project's primary contact: the body is plain text, sent
	 * as is and as HTML paragraphs.
	 */
	record ActionRequest(@NotNull @OneOf(ActionType.class) String type,
			@NotBlank @Size(max = 200) @Pattern(regexp = "[^\\r\\n]*", message = "must be a single line") String subject,
			@NotBlank @Size(max = 20_000) String body) {

		Action toAction() {
			return switch (ActionType.valueOf(type)) {
				case SEND_EMAIL -> Action.sendEmail(subject, body);
			};
		}
	}
}
