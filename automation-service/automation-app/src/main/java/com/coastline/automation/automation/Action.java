package com.coastline.automation.automation;

import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One step of an automation, in the order the contractor set them. */
@Embeddable
public class Action {

	@Enumerated(EnumType.STRING)
	@Column(name = "type", nullable = false)
	private ActionType type;

	@Column(name = "subject")
	private String subject;

	@Column(name = "body")
	private String body;

	@Column(name = "template_id")
	private UUID templateId;

	protected Action() {
	}

	private Action(ActionType type, String subject, String body, UUID templateId) {
		this.type = type;
		this.subject = subject;
		this.body = body;
		this.templateId = templateId;
	}

	/**
	 * Emails the project's primary contact. Subject and body are templates of plain text with dynamic values
	 * ({@code Hi {{client.first_name}}}); {@code AutomationManagement} checks the values when it saves.
	 */
	public static Action sendEmail(String subject, String body) {
		return sendEmail(subject, body, null);
	}

	/**
	 * Emails the project's primary contact, with subject and body copied from a template of the workspace.
	 * @param templateId the template they came from, kept as a note only: the email is the copy, which later
	 * changes to the template (or its deletion) leave alone
	 */
	public static Action sendEmail(String subject, String body, UUID templateId) {
		if (subject == null || subject.isBlank() || body == null || body.isBlank()) {
			throw new InvalidAutomationException("An email needs a subject and a body.");
		}
		return new Action(ActionType.SEND_EMAIL, subject.strip(), body, templateId);
	}

	public ActionType type() {
		return type;
	}

	public String subject() {
		return subject;
	}

	public String body() {
		return body;
	}

	/** The template subject and body were copied from, if any. */
	public UUID templateId() {
		return templateId;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Action action && type == action.type && Objects.equals(subject, action.subject)
				&& Objects.equals(body, action.body) && Objects.equals(templateId, action.templateId);
	}

	@Override
	public int hashCode() {
		return Objects.hash(type, subject, body, templateId);
	}
}
