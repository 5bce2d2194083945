package com.coastline.backoffice.screens.automations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.coastline.backoffice.screens.ServiceProblem;
import com.coastline.backoffice.screens.ServiceRefusedException;

import org.springframework.http.HttpStatus;

/**
 * What the automation form and the email template form ({@code screens.templates}) share, both being written to
 * automation-service: the triggers it knows, how its refusals are shown on a form, and the message of a stale
 * version (409).
 */
public final class EmailForms {

	/** The triggers automation-service knows, in the order the forms offer them, with their names for people. */
	public static final Map<String, String> TRIGGERS = triggers();

	/** The key of the form's general message, for what no field of the form is about. */
	private static final String GENERAL = "general";

	/** The start of the messages by field ({@code Name must not be blank.}). */
	private static final Map<String, String> LABELS = Map.of("name", "Name", "subject", "Subject", "body", "Body",
			"suggestedTrigger", "Suggested trigger");

	private EmailForms() {
	}

	private static Map<String, String> triggers() {
		Map<String, String> triggers = new LinkedHashMap<>();
		triggers.put("PROJECT_APPROVED", "Project approved");
		triggers.put("ESTIMATE_SENT", "Estimate sent");
		triggers.put("INVOICE_ISSUED", "Invoice issued");
		triggers.put("INVOICE_OVERDUE", "Invoice overdue");
		triggers.put("APPOINTMENT_SCHEDULED", "Appointment scheduled");
		return Collections.unmodifiableMap(triggers);
	}

	/** automation-service's 400 or 422: the form's input, shown by the field. */
	public static boolean invalid(ServiceRefusedException ex) {
		int status = ex.problem().status();
		return status == HttpStatus.BAD_REQUEST.value() || status == HttpStatus.UNPROCESSABLE_CONTENT.value();
	}

	/** automation-service's 409: a stale version (or, for a run, one that moved on). */
	public static boolean conflict(ServiceRefusedException ex) {
		return ex.problem().status() == HttpStatus.CONFLICT.value();
	}

	/**
	 * The form's message when automation-service refused a stale version (409): what the member typed is shown
	 * again, nothing was saved.
	 * @param what the record in words ({@code automation}, {@code template})
	 */
	public static String stale(String what) {
		return "Someone changed this " + what + " while you were editing it. Open it again to see their changes, then "
				+ "make yours.";
	}

	/**
	 * automation-service's refusal (400, 422) by the form's fields: each field error as a sentence by the form field
	 * it is about ("Name must not be blank."), several of one field together; what no field of the form is about
	 * is the general message. A problem that names no field is placed by its detail: the email's subject or body,
	 * a template that is gone (when the form has {@code templateId}), or else the general message.
	 * @param problem the refusal
	 * @param formField the form's field a field of the request is about, or null for none of them
	 * @param fields the form's fields that show an error of their own
	 */
	public static Refusal refusal(ServiceProblem problem, Function<String, String> formField, Set<String> fields) {
		Map<String, String> byField = new LinkedHashMap<>();
		if (problem.errors() != null) {
			problem.errors().forEach((error) -> byField.merge(String.valueOf(error.field()), error.message(),
					(a, b) -> a + "; " + b));
		}
		Map<String, String> errors = new LinkedHashMap<>();
		byField.forEach((field, message) -> {
			String name = formField.apply(field);
			String shown = (name != null && fields.contains(name)) ? name : GENERAL;
			errors.merge(shown, sentence(field, shown, message), (a, b) -> a + " " + b);
		});
		String general = errors.remove(GENERAL);
		String detail = (problem.detail() != null) ? problem.detail() : "";
		if (errors.isEmpty() && general == null) {
			if (detail.startsWith("The email's subject") && fields.contains("subject")) {
				errors.put("subject", detail);
			}
			else if (detail.startsWith("The email's body") && fields.contains("body")) {
				errors.put("body", detail);
			}
			else if (detail.contains("email template") && fields.contains("templateId")) {
				errors.put("templateId", "That template is no longer in your library. Choose another one.");
			}
			else {
				general = detail.isBlank() ? "Please check the form." : detail;
			}
		}
		return new Refusal(errors, general);
	}

	private static String sentence(String field, String formField, String message) {
		if (field.endsWith(".content")) {
			return "Write a subject and a body, or choose a template.";
		}
		String text = (message != null) ? message : "is not right";
		String label = LABELS.get(formField);
		return (label != null) ? label + " " + text + "." : text + ".";
	}

	/**
	 * A refusal as a form shows it.
	 *
	 * @param errors the messages by the form's field
	 * @param message the general message, or null
	 */
	public record Refusal(Map<String, String> errors, String message) {
	}
}
