package com.coastline.project.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A contact was created or changed; carries the whole current state.
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the contact's workspace
 * @param contactId the contact
 * @param firstName first name
 * @param lastName last name
 * @param email email address, normalised (trimmed, lower case)
 * @param phone phone number, or null
 * @param version the contact's version; consumers ignore an event older than what they have
 * @param occurredAt when the change happened
 */
public record ContactUpserted(UUID eventId, UUID workspaceId, UUID contactId, String firstName, String lastName,
		String email, String phone, long version, Instant occurredAt) {
}
