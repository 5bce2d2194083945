package com.coastline.project.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An invoice was issued: it is now in the client's portal, open for payment until its due date.
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the invoice's workspace
 * @param invoiceId the invoice (the Kafka key)
 * @param projectId the project it bills
 * @param clientContactId the project's primary contact when it was issued
 * @param estimateId the approved estimate it was made from, or null when written by hand
 * @param estimateVersion the approved version of that estimate, or null
 * @param title the invoice's title
 * @param currency ISO 4217 code of every amount of the invoice
 * @param totalMinor the total, taxes included, in minor units of the currency
 * @param dueDate the last day to pay it
 * @param issuedAt when it was issued
 */
public record InvoiceIssued(UUID eventId, UUID workspaceId, UUID invoiceId, UUID projectId, UUID clientContactId,
		UUID estimateId, Integer estimateVersion, String title, String currency, long totalMinor, LocalDate dueDate,
		Instant issuedAt) {
}
