package com.coastline.identity.staff.web;

import com.coastline.identity.staff.StaffRole;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Someone an owner invites to the workspace.
 *
 * @param email their email, with which they will sign in; stored trimmed and in lower case
 * @param name their name, one line
 * @param role {@code OWNER} or {@code STAFF}
 */
record StaffInvitation(@NotBlank @SingleEmailAddress String email,
		@NotBlank @Size(max = 200) @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE) String name,
		@NotBlank @Pattern(regexp = "OWNER|STAFF", message = "must be OWNER or STAFF") String role) {

	/** Names end up in email greetings: no control characters or line breaks. */
	static final String SINGLE_LINE = "[^\\p{Cc}\\p{Zl}\\p{Zp}]*";

	static final String SINGLE_LINE_MESSAGE = "must be a single line of text";

	StaffRole staffRole() {
		return StaffRole.valueOf(this.role);
	}
}
