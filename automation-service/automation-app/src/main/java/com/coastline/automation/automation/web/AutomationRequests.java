package com.coastline.automation.automation.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.coastline.automation.automation.Action;
import com.coastline.automation.automation.ActionType;
import com.coastline.automation.automation.Automation;
import com.coastline.automation.automation.AutomationManagement;
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

		List<Action> actionValues(AutomationManagement management) {
			return actions.stream().map(action -> action.toAction(management)).toList();
		}
	}

	/**
	 * The new state of an automation (its trigger cannot change).
	 * @param version the version the caller read; when given and stale, the change is refused with 409
	 */
	record AutomationChange(@NotBlank @Size(max = Automation.MAX_NAME_LENGTH) String name, @NotNull Boolean enabled,
			@NotEmpty @Size(max = MAX_ACTIONS) List<@NotNull @Valid ActionRequest> actions,
			@PositiveOrZero Long version) {

		List<Action> actionValues(AutomationManagement management) {
			return actions.stream().map(action -> action.toAction(management)).toList();
		}
	}

	/**
	 * One action. {@code SEND_EMAIL} emails the project's primary contact: subject and body are plain text
	 * with dynamic values ({@code {{client.first_name}}}), the body sent as is and as HTML paragraphs. Either
	 * both are given, or a {@code templateId} whose subject and body are copied; when all three are given,
	 * subject and body are used and the template only noted as their origin.
	 */
	record ActionRequest(@NotNull @OneOf(ActionType.class) String type,
			@Size(max = 200) @Pattern(regexp = "[^\\r\\n]*", message = "must be a single line") @Pattern(
					regexp = "(?s).*\\S.*", message = "must not be blank") String subject,
			@Size(max = 20_000) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String body,
			UUID templateId) {

		/** Reported as the field {@code content}. */
		@AssertTrue(message = "give subject and body, or a templateId")
		boolean isContent() {
			return subject != null && body != null || subject == null && body == null && templateId != null;
		}

		Action toAction(AutomationManagement management) {
			return switch (ActionType.valueOf(type)) {
				case SEND_EMAIL -> management.sendEmail(subject, body, templateId);
			};
		}
	}
}
