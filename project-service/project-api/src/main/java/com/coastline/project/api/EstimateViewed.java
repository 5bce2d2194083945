package com.coastline.project.api;

import java.time.Instant;
import java.util.UUID;

/**
 * The client opened a sent estimate in the portal (at most once an hour per estimate and contact), e.g.
 * for the contractor's activity view or a "viewed but not approved" automation.
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the estimate's workspace
 * @param estimateId the estimate (the Kafka key)
 * @param projectId the project it belongs to
 * @param versionNumber the version shown
 * @param contactId the contact who opened it
 * @param viewedAt when
 */
public record EstimateViewed(UUID eventId, UUID workspaceId, UUID estimateId, UUID projectId, int versionNumber,
		UUID contactId, Instant viewedAt) {
}
