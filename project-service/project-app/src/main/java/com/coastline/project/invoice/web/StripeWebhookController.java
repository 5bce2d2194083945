package com.coastline.project.invoice.web;

import com.coastline.project.invoice.PaymentWebhooks;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhook endpoint (the platform's Connect endpoint), public: it carries no token, its
 * {@code Stripe-Signature} is the proof. The test-mode checkout posts here too, signed the same way.
 */
@RestController
class StripeWebhookController {

	static final String PATH = "/webhooks/stripe";

	private final PaymentWebhooks webhooks;

	StripeWebhookController(PaymentWebhooks webhooks) {
		this.webhooks = webhooks;
	}

	/**
	 * 200 {@code {received, outcome}} for every event whose signature verifies, whether it changed anything
	 * or not (a replay, an event of no interest: Stripe must not retry those); 400 problem when the signature
	 * does not verify, and then nothing is recorded.
	 */
	@PostMapping(PATH)
	Receipt receive(@RequestBody String payload,
			@RequestHeader(name = "Stripe-Signature", required = false) String signature) {
		return new Receipt(true, this.webhooks.receive(payload, signature));
	}

	record Receipt(boolean received, PaymentWebhooks.Outcome outcome) {
	}
}
