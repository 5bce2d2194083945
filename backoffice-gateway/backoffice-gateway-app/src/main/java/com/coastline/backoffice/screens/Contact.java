package com.coastline.backoffice.screens;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A contact as project-service's back-office API answers it ({@code /api/contacts}).
 *
 * @param id the contact
 * @param firstName the first name
 * @param lastName the last name
 * @param email the email (the client's sign-in address)
 * @param phone the phone, or null
 * @param archived whether it is archived (kept for history, no longer chosen)
 * @param createdAt when it was created
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Contact(UUID id, String firstName, String lastName, String email, String phone, boolean archived,
		Instant createdAt) {

	/** The name to show. */
	public String name() {
		String name = ((this.firstName != null) ? this.firstName : "") + " " + ((this.lastName != null) ? this.lastName : "");
		return name.isBlank() ? this.email : name.strip();
	}
}
