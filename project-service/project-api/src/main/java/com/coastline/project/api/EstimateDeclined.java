package com.coastline.project.api;

import java.time.Instant;
import java.util.UUID;

/**
 * The client declined a version of an estimate in the portal. The contractor may still revise it
 * (a new version, sent again).
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the estimate's workspace
 * @param estimateId the estimate (the Kafka key)
 * @param projectId the project it belongs to
 * @param versionNumber the version declined
 * @param contactId the contact who declined
 * @param message what they wrote, or null
 * @param declinedAt when they declined
 */
public record EstimateDeclined(UUID eventId, UUID workspaceId, UUID estimateId, UUID projectId, int versionNumber,
		UUID contactId, String message, Instant declinedAt) {
}
