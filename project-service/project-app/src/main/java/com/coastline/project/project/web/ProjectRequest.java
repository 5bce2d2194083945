package com.coastline.project.project.web;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new project.
 *
 * @param name the project's name, one line, at most 200 characters
 * @param address optional site address, one line, at most 500 characters
 * @param primaryContactId an active contact of the workspace: the client the project belongs to
 */
record ProjectRequest(
		@NotBlank @Size(max = 200) @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE) String name,
		@Size(max = 500) @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE) String address,
		@NotNull UUID primaryContactId) {

	/** Names and addresses end up in emails: no control characters or line breaks. */
	static final String SINGLE_LINE = "[^\\p{Cc}\\p{Zl}\\p{Zp}]*";

	static final String SINGLE_LINE_MESSAGE = "must be a single line of text";
}
