package com.coastline.project.contact.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.coastline.project.contact.ContactDetails;

/**
 * A contact as staff enter it, for create and update (the whole state).
 *
 * @param firstName first name, one line, at most 100 characters
 * @param lastName last name, one line, at most 100 characters
 * @param email one email address; stored trimmed and in lower case
 * @param phone optional phone number: digits, spaces and {@code + ( ) . / -}
 */
record ContactRequest(
		@NotBlank @Size(max = 100) @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE) String firstName,
		@NotBlank @Size(max = 100) @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE) String lastName,
		@NotBlank @Size(max = 254) @SingleEmailAddress String email,
		@Size(max = 40) @Pattern(regexp = "[0-9+()./ -]*",
				message = "may contain only digits, spaces and + ( ) . / -") String phone) {

	/** Names end up in email subjects and greetings: no control characters or line breaks. */
	static final String SINGLE_LINE = "[^\\p{Cc}\\p{Zl}\\p{Zp}]*";

	static final String SINGLE_LINE_MESSAGE = "must be a single line of text";

	ContactDetails toDetails() {
		return new ContactDetails(this.firstName, this.lastName, this.email, this.phone);
	}
}
