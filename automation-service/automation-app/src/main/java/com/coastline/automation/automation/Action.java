package com.coastline.automation.automation;

import java.util.Objects;

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

	protected Action() {
	}

	private Action(ActionType type, String subject, String body) {
		this.type = type;
		this.subject = subject;
		this.body = body;
	}

	/** Emails the project's primary contact; the body is plain text (templates come later). */
	public static Action sendEmail(String subject, String body) {
		if (subject == null || subject.isBlank() || body == null || body.isBlank()) {
			throw new InvalidAutomationException("An email needs a subject and a body.");
		}
		return new Action(ActionType.SEND_EMAIL, subject.strip(), body);
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

	@Override
	public boolean equals(Object other) {
		return other instanceof Action action && type == action.type && Objects.equals(subject, action.subject)
				&& Objects.equals(body, action.body);
	}

	@Override
	public int hashCode() {
		return Objects.hash(type, subject, body);
	}
}
