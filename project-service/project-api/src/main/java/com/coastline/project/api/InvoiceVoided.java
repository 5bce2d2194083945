package com.coastline.project.api;

import java.time.Instant;
import java.util.UUID;

/**
 * An invoice was voided by the contractor: it is no longer due and can no longer be paid.
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the invoice's workspace
 * @param invoiceId the invoice (the Kafka key)
 * @param projectId the project it billed
 * @param reason why, as staff wrote it, or null
 * @param voidedAt when it was voided
 */
public record InvoiceVoided(UUID eventId, UUID workspaceId, UUID invoiceId, UUID projectId, String reason,
		Instant voidedAt) {
}
