package com.coastline.media.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A project document was deleted by staff: its file is gone, and any link to it answers 404. A document that
 * was shared gets {@link DocumentUnshared} first.
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the project's workspace
 * @param projectId the project
 * @param documentId the document
 * @param wasShared whether the client could see it until then
 * @param deletedBy who deleted it (the token's subject)
 * @param deletedAt when
 */
public record DocumentDeleted(UUID eventId, UUID workspaceId, UUID projectId, UUID documentId, boolean wasShared,
		String deletedBy, Instant deletedAt) {
}
