package com.coastline.project.invoice.payment;

import java.util.UUID;

/**
 * The port to an online payment provider. It opens checkout sessions; it never says that something was
 * paid: payments are confirmed only by the provider's signed webhook ({@link StripeWebhooks}), whichever
 * adapter is configured.
 */
public interface PaymentProvider {

	/** The provider's name as payments record it: {@code stripe} or {@code test-mode}. */
	String name();

	/**
	 * Opens a checkout session for the client to pay an amount of an invoice.
	 * @throws PaymentProviderUnavailable when the provider cannot be reached or refuses
	 */
	CheckoutSession openCheckout(CheckoutRequest request);

	/**
	 * What a checkout asks for.
	 *
	 * @param workspaceId the invoice's workspace (metadata, read back from the webhook)
	 * @param invoiceId the invoice (metadata)
	 * @param description what the client sees it is paying (the invoice's title)
	 * @param amountMinor the amount, in minor units, positive
	 * @param currency ISO 4217 code
	 * @param connectedAccountId the workspace's account at the provider ({@code acct_…}), or null (test mode)
	 * @param idempotencyKey the same for a retry of the same attempt, so that it opens one session
	 * @param successUrl where the client returns after paying (shows nothing as paid by itself)
	 * @param cancelUrl where the client returns when they give up
	 */
	record CheckoutRequest(UUID workspaceId, UUID invoiceId, String description, long amountMinor,
			String currency, String connectedAccountId, String idempotencyKey, String successUrl, String cancelUrl) {
	}

	/**
	 * An open checkout session.
	 *
	 * @param sessionId the provider's id ({@code cs_…})
	 * @param url where to send the client
	 */
	record CheckoutSession(String sessionId, String url) {
	}
}
