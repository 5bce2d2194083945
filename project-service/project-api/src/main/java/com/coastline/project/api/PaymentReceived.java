package com.coastline.project.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A payment of an open invoice was recorded: one per payment, offline (recorded by staff) or online
 * (confirmed by the payment provider's verified webhook). A payment that settles the balance is followed
 * by {@link InvoicePaid}.
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the invoice's workspace
 * @param invoiceId the invoice (the Kafka key)
 * @param projectId the project it bills
 * @param paymentId the payment
 * @param method {@code OFFLINE} or {@code ONLINE}
 * @param currency ISO 4217 code
 * @param amountMinor what was paid, in minor units, positive
 * @param paidMinor everything paid on the invoice so far, this payment included
 * @param balanceDueMinor what is left to pay, never negative
 * @param receivedAt when the payment was received
 */
public record PaymentReceived(UUID eventId, UUID workspaceId, UUID invoiceId, UUID projectId, UUID paymentId,
		String method, String currency, long amountMinor, long paidMinor, long balanceDueMinor, Instant receivedAt) {
}
