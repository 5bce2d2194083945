package com.coastline.media.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A project document was shared with the client: the project's contacts can now download it.
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the project's workspace
 * @param projectId the project
 * @param documentId the document
 * @param fileName its display name (sanitised from the uploaded file's name)
 * @param contentType the type detected from the file's content
 * @param sharedBy who shared it (the token's subject)
 * @param sharedAt when
 */
public record DocumentShared(UUID eventId, UUID workspaceId, UUID projectId, UUID documentId, String fileName,
		String contentType, String sharedBy, Instant sharedAt) {
}
