package com.coastline.project.api;

import java.time.Instant;
import java.util.UUID;

/**
 * The client approved a version of an estimate in the portal, signing with their typed name. The
 * approval evidence (IP address, user agent) stays in project-service; {@code contentSha256} lets
 * anyone holding the version's canonical content check that it is what was approved. The project is
 * approved in the same transaction (a separate {@code ProjectApproved}, unless it already was).
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the estimate's workspace
 * @param estimateId the estimate (the Kafka key)
 * @param projectId the project it belongs to
 * @param versionNumber the version approved
 * @param title the estimate's title in that version
 * @param currency ISO 4217 code of the amounts
 * @param totalMinor the approved total, taxes included, in minor units of the currency
 * @param signerContactId the contact who approved
 * @param signedName the full name they typed as their signature
 * @param approvedAt when they approved
 * @param contentSha256 SHA-256 (lower-case hex) of the version's canonical content
 */
public record EstimateApproved(UUID eventId, UUID workspaceId, UUID estimateId, UUID projectId, int versionNumber,
		String title, String currency, long totalMinor, UUID signerContactId, String signedName, Instant approvedAt,
		String contentSha256) {
}
