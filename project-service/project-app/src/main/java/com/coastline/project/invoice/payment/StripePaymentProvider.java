package com.coastline.project.invoice.payment;

import java.util.Locale;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;

/**
 * Stripe, through {@code stripe-java}: a Checkout Session in payment mode on the workspace's connected
 * account ({@code Stripe-Account} header, a direct charge), for one line of the amount due, with the
 * invoice and workspace in the metadata of the session and of its payment intent (read back from the
 * webhook), and our idempotency key, so that a retried attempt opens one session.
 */
public class StripePaymentProvider implements PaymentProvider {

	public static final String NAME = "stripe";

	private final StripeClient stripe;

	public StripePaymentProvider(String apiKey, String apiBase) {
		if (apiKey == null || apiKey.isBlank()) {
			throw new IllegalStateException("coastline.payments.stripe.api-key is not set");
		}
		this.stripe = StripeClient.builder().setApiKey(apiKey).setApiBase(apiBase).setMaxNetworkRetries(2).build();
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public CheckoutSession openCheckout(CheckoutRequest request) {
		String workspace = request.workspaceId().toString();
		String invoice = request.invoiceId().toString();
		SessionCreateParams params = SessionCreateParams.builder()
			.setMode(SessionCreateParams.Mode.PAYMENT)
			.setSuccessUrl(request.successUrl())
			.setCancelUrl(request.cancelUrl())
			.setClientReferenceId(invoice)
			.putMetadata("invoiceId", invoice)
			.putMetadata("workspaceId", workspace)
			.setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
				.putMetadata("invoiceId", invoice)
				.putMetadata("workspaceId", workspace)
				.build())
			.addLineItem(SessionCreateParams.LineItem.builder()
				.setQuantity(1L)
				.setPriceData(SessionCreateParams.LineItem.PriceData.builder()
					.setCurrency(request.currency().toLowerCase(Locale.ROOT))
					.setUnitAmount(request.amountMinor())
					.setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
						.setName(request.description())
						.build())
					.build())
				.build())
			.build();
		RequestOptions options = RequestOptions.builder()
			.setStripeAccount(request.connectedAccountId())
			.setIdempotencyKey(request.idempotencyKey())
			.build();
		try {
			Session session = this.stripe.v1().checkout().sessions().create(params, options);
			return new CheckoutSession(session.getId(), session.getUrl());
		}
		catch (StripeException ex) {
			throw new PaymentProviderUnavailable("Stripe refused or could not open a checkout session", ex);
		}
	}
}
