package com.coastline.backoffice.screens.automations;

import java.util.List;
import java.util.UUID;

import com.coastline.backoffice.screens.automations.AutomationsApi.Action;
import com.coastline.backoffice.screens.automations.AutomationsApi.Automation;
import com.coastline.backoffice.screens.automations.AutomationsApi.AutomationRequest;

/**
 * The automation form as the browser sends it. A template picked with subject and body left empty asks
 * automation-service to copy the template; subject and body written (or filled in from the template by the page's
 * script) are sent as they are, the template only noted as their origin.
 *
 * @param name the automation's name
 * @param trigger what starts it (creation only: the trigger is fixed afterwards)
 * @param enabled the on/off checkbox: {@code true} when on, absent when off
 * @param templateId the template picked, or empty
 * @param subject the email's subject
 * @param body the email's body
 * @param version the version the form was read at (editing only)
 */
record AutomationForm(String name, String trigger, String enabled, String templateId, String subject, String body,
		String version) {

	/** A new automation's form: on, and the first trigger. */
	static AutomationForm blank() {
		return new AutomationForm("", "PROJECT_APPROVED", "true", "", "", "", null);
	}

	/** The form of an automation as it is. */
	static AutomationForm of(Automation automation) {
		Action email = automation.email();
		return new AutomationForm(automation.name(), automation.trigger(), Boolean.toString(automation.enabled()),
				(email.templateId() != null) ? email.templateId().toString() : "", text(email.subject()),
				text(email.body()), (automation.version() != null) ? automation.version().toString() : null);
	}

	/** The body of {@code POST /api/automations}. */
	AutomationRequest creation() {
		return new AutomationRequest(text(this.name).strip(), text(this.trigger), isEnabled(), List.of(action()), null);
	}

	/** The body of {@code PUT /api/automations/{id}}. */
	AutomationRequest change() {
		return new AutomationRequest(text(this.name).strip(), null, isEnabled(), List.of(action()), versionNumber());
	}

	public boolean isEnabled() {
		return "true".equals(this.enabled);
	}

	private Action action() {
		String subject = blankToNull(this.subject);
		String body = blankToNull(this.body);
		return new Action("SEND_EMAIL", (subject != null) ? subject.strip() : null, body, templateUuid());
	}

	private UUID templateUuid() {
		try {
			return (blankToNull(this.templateId) != null) ? UUID.fromString(this.templateId.strip()) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private Long versionNumber() {
		try {
			return (blankToNull(this.version) != null) ? Long.valueOf(this.version.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String text(String value) {
		return (value != null) ? value : "";
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}
}
