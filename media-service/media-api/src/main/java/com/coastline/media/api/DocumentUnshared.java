package com.coastline.media.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A project document was unshared; clients can no longer see or download it.
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the project's workspace
 * @param projectId the project
 * @param documentId the document
 * @param unsharedBy who unshared it (the token's subject)
 * @param unsharedAt when
 */
public record DocumentUnshared(UUID eventId, UUID workspaceId, UUID projectId, UUID documentId, String unsharedBy,
		Instant unsharedAt) {
}
