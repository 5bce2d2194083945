package com.coastline.media.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A photo was removed from the customer portal; clients can no longer see or download it.
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the project's workspace
 * @param projectId the project
 * @param photoId the photo
 * @param unsharedBy who removed it from the portal (the token's subject)
 * @param unsharedAt when
 */
public record PhotoUnshared(UUID eventId, UUID workspaceId, UUID projectId, UUID photoId, String unsharedBy,
		Instant unsharedAt) {
}
