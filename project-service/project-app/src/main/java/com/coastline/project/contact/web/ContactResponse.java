package com.coastline.project.contact.web;

import java.time.Instant;
import java.util.UUID;

import com.coastline.project.contact.Contact;

/**
 * A contact as the back office sees it.
 *
 * @param id the contact
 * @param firstName first name
 * @param lastName last name
 * @param email normalised email
 * @param phone phone number, or null
 * @param archived whether it is archived
 * @param version grows with every change
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
record ContactResponse(UUID id, String firstName, String lastName, String email, String phone, boolean archived,
		long version, Instant createdAt, Instant updatedAt) {

	static ContactResponse of(Contact contact) {
		return new ContactResponse(contact.getId(), contact.getFirstName(), contact.getLastName(), contact.getEmail(),
				contact.getPhone(), contact.isArchived(), contact.getVersion(), contact.getCreatedAt(),
				contact.getUpdatedAt());
	}
}
