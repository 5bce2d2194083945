package com.coastline.project.invoice.payment;

import java.util.Set;
import java.util.UUID;

/**
 * What a verified webhook event says, as far as invoices care.
 *
 * @param eventId the provider's event id ({@code evt_…}), unique per event, the same in a replay
 * @param type the event type, e.g. {@code checkout.session.completed}
 * @param account the connected account the event happened on ({@code acct_…}), or null
 * @param paymentId the provider's payment (the payment intent, {@code pi_…}), or null
 * @param paid whether the event says the money was taken
 * @param amountMinor the amount taken, in minor units, or null
 * @param currency upper-case ISO 4217 code, or null
 * @param workspaceId the workspace from the metadata the checkout was opened with, or null
 * @param invoiceId the invoice from that metadata, or null
 */
public record PaymentNotification(String eventId, String type, String account, String paymentId, boolean paid,
		Long amountMinor, String currency, UUID workspaceId, UUID invoiceId) {

	/** The events that confirm a payment; others (expired sessions, failures) change nothing. */
	public static final Set<String> PAYMENT_TYPES = Set.of("checkout.session.completed",
			"checkout.session.async_payment_succeeded", "payment_intent.succeeded");

	/** Whether this event confirms a payment of one of our invoices. */
	public boolean confirmsPayment() {
		return PAYMENT_TYPES.contains(this.type) && this.paid && this.paymentId != null && this.amountMinor != null
				&& this.amountMinor > 0 && this.currency != null && this.workspaceId != null && this.invoiceId != null;
	}
}
