package com.coastline.media.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A photo was deleted by staff: its original and renditions are gone, and any link to it answers 404. A photo
 * that was on the customer portal gets {@link PhotoUnshared} first.
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the project's workspace
 * @param projectId the project
 * @param photoId the photo
 * @param wasOnPortal whether it was on the customer portal until then
 * @param deletedBy who deleted it (the token's subject)
 * @param deletedAt when
 */
public record PhotoDeleted(UUID eventId, UUID workspaceId, UUID projectId, UUID photoId, boolean wasOnPortal,
		String deletedBy, Instant deletedAt) {
}
