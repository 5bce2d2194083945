package com.coastline.project.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An open invoice's due date passed without it being paid in full. Published once per invoice, by a
 * job that runs on one replica at a time; the invoice stays open and can still be paid.
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the invoice's workspace
 * @param invoiceId the invoice (the Kafka key)
 * @param projectId the project it bills
 * @param clientContactId the project's primary contact now
 * @param currency ISO 4217 code
 * @param balanceDueMinor what is left to pay, in minor units, positive
 * @param dueDate the due date that passed
 * @param detectedAt when the job found it overdue
 */
public record InvoiceOverdue(UUID eventId, UUID workspaceId, UUID invoiceId, UUID projectId, UUID clientContactId,
		String currency, long balanceDueMinor, LocalDate dueDate, Instant detectedAt) {
}
