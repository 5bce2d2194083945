package com.coastline.project.api;

import java.time.Instant;
import java.util.UUID;

/**
 * An invoice was paid in full (once per invoice; the payments themselves are {@link PaymentReceived}).
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the invoice's workspace
 * @param invoiceId the invoice (the Kafka key)
 * @param projectId the project it bills
 * @param currency ISO 4217 code
 * @param totalMinor the invoice's total, in minor units
 * @param paidMinor everything paid on it, at least the total
 * @param paidAt when the last payment was received
 */
public record InvoicePaid(UUID eventId, UUID workspaceId, UUID invoiceId, UUID projectId, String currency,
		long totalMinor, long paidMinor, Instant paidAt) {
}
