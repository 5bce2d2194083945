package com.coastline.project.invoice.payment;

import com.coastline.platform.web.problem.BadRequestException;

/** 400: a webhook whose {@code Stripe-Signature} does not verify (wrong secret, altered body, too old). */
public class InvalidWebhookSignature extends BadRequestException {

	public InvalidWebhookSignature() {
		super("The webhook's signature does not verify.");
	}
}
