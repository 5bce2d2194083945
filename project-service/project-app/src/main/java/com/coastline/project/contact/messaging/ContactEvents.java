package com.coastline.project.contact.messaging;

import java.util.UUID;

import com.coastline.project.api.ContactArchived;
import com.coastline.project.api.ContactUpserted;
import com.coastline.project.contact.Contact;

/** Maps a contact's state, as just saved, onto the events of project-api. */
public final class ContactEvents {

	private ContactEvents() {
	}

	public static ContactUpserted upserted(Contact contact) {
		return new ContactUpserted(UUID.randomUUID(), contact.getWorkspaceId(), contact.getId(), contact.getFirstName(),
				contact.getLastName(), contact.getEmail(), contact.getPhone(), contact.getVersion(),
				contact.getUpdatedAt());
	}

	public static ContactArchived archived(Contact contact) {
		return new ContactArchived(UUID.randomUUID(), contact.getWorkspaceId(), contact.getId(), contact.getVersion(),
				contact.getUpdatedAt());
	}
}
