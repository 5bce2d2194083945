package com.coastline.media.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A photo was uploaded to a project. It is private: clients see it only after {@link PhotoShared}.
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the project's workspace
 * @param projectId the project
 * @param photoId the photo
 * @param contentType the type detected from the file's content ({@code image/jpeg} or {@code image/png})
 * @param width width in pixels, as displayed (EXIF orientation applied)
 * @param height height in pixels, as displayed
 * @param addedBy who uploaded it (the token's subject: a staff id or a service client)
 * @param addedAt when
 */
public record PhotoAdded(UUID eventId, UUID workspaceId, UUID projectId, UUID photoId, String contentType, int width,
		int height, String addedBy, Instant addedAt) {
}
