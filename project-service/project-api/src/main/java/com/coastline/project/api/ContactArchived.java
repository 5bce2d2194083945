package com.coastline.project.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A contact was archived: it can no longer sign in or receive portal links.
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the contact's workspace
 * @param contactId the contact
 * @param version the contact's version after archiving
 * @param occurredAt when it was archived
 */
public record ContactArchived(UUID eventId, UUID workspaceId, UUID contactId, long version, Instant occurredAt) {
}
