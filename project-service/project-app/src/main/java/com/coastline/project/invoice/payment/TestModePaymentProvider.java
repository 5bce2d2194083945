package com.coastline.project.invoice.payment;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * TEST MODE, for the local stack only: no money moves. A checkout session is a page of this service
 * ({@code /test-checkout/{sessionId}}) whose "Pay" button sends a Stripe-format webhook, signed with the
 * webhook secret, to the same endpoint Stripe would call ({@link TestModeCheckout}); so even here an
 * invoice turns paid only on a verified webhook. Never configured in production (see the README).
 */
public class TestModePaymentProvider implements PaymentProvider {

	public static final String NAME = "test-mode";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String checkoutBaseUrl;

	public TestModePaymentProvider(String checkoutBaseUrl) {
		this.checkoutBaseUrl = checkoutBaseUrl.endsWith("/") ? checkoutBaseUrl.substring(0, checkoutBaseUrl.length() - 1)
				: checkoutBaseUrl;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public CheckoutSession openCheckout(CheckoutRequest request) {
		// The session id is the only key to the public checkout page: unguessable, like Stripe's.
		byte[] random = new byte[24];
		RANDOM.nextBytes(random);
		String sessionId = "cs_test_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		return new CheckoutSession(sessionId, this.checkoutBaseUrl + TestModeCheckout.PATH + "/" + sessionId);
	}
}
