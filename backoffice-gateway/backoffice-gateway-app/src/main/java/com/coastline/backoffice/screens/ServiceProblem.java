package com.coastline.backoffice.screens;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A service's RFC 9457 problem, as far as a screen shows it: the message, and the fields it names.
 *
 * @param type the problem type ({@code tag:coastline.app,2026:problem:<name>})
 * @param title the short title
 * @param status the HTTP status
 * @param detail the message for a person
 * @param errors the fields a {@code validation-failed} problem names
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServiceProblem(String type, String title, int status, String detail, List<FieldError> errors) {

	/** For an answer without a readable problem. */
	static ServiceProblem of(int status) {
		return new ServiceProblem(null, null, status, null, List.of());
	}

	/** The same problem with the answer's own status (a body may leave it out, or say another). */
	ServiceProblem withStatus(int status) {
		return (status == this.status) ? this
				: new ServiceProblem(this.type, this.title, status, this.detail, this.errors);
	}

	/** The problem's name: the end of its type ({@code low-contrast}, {@code validation-failed}, …). */
	public String name() {
		if (this.type == null) {
			return "";
		}
		int colon = this.type.lastIndexOf(':');
		return this.type.substring(colon + 1);
	}

	/** The message to show: the detail, or else the title, or else a plain sentence. */
	public String message() {
		if (this.detail != null && !this.detail.isBlank()) {
			return this.detail;
		}
		if (this.title != null && !this.title.isBlank()) {
			return this.title;
		}
		return "That did not work. Check the form and try again.";
	}

	/** The field errors by field (the first message of each). */
	public Map<String, String> fieldErrors() {
		Map<String, String> byField = new LinkedHashMap<>();
		if (this.errors != null) {
			for (FieldError error : this.errors) {
				if (error.field() != null) {
					byField.putIfAbsent(error.field(), error.message());
				}
			}
		}
		return byField;
	}

	/**
	 * @param field the request's field
	 * @param message what is wrong with it
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record FieldError(String field, String message) {
	}
}
