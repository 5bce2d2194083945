package com.coastline.media.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A photo was added to the customer portal: the project's contacts can now see and download its
 * renditions (never the original; location and device metadata are removed).
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the project's workspace
 * @param projectId the project
 * @param photoId the photo
 * @param sharedBy who added it to the portal (the token's subject)
 * @param sharedAt when
 */
public record PhotoShared(UUID eventId, UUID workspaceId, UUID projectId, UUID photoId, String sharedBy,
		Instant sharedAt) {
}
