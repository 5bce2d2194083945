package com.coastline.project.api;

import java.time.Instant;
import java.util.UUID;

/**
 * The client asked for changes to a version of an estimate in the portal; the contractor answers with
 * a revised version.
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the estimate's workspace
 * @param estimateId the estimate (the Kafka key)
 * @param projectId the project it belongs to
 * @param versionNumber the version the request is about
 * @param contactId the contact who asked
 * @param message what they would like changed
 * @param requestedAt when they asked
 */
public record EstimateChangesRequested(UUID eventId, UUID workspaceId, UUID estimateId, UUID projectId,
		int versionNumber, UUID contactId, String message, Instant requestedAt) {
}
