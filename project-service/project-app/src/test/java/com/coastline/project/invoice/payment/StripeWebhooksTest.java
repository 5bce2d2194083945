package com.coastline.project.invoice.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signing as the test-mode checkout does verifies with Stripe's own code; anything else does not. */
class StripeWebhooksTest {

	static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

	final StripeWebhooks webhooks = new StripeWebhooks("whsec_unit", Duration.ofMinutes(5),
			Clock.fixed(NOW, ZoneOffset.UTC));

	final UUID invoice = UUID.randomUUID();

	final UUID workspace = UUID.randomUUID();

	String payload() {
		return """
				{"id":"evt_1","object":"event","type":"checkout.session.completed","account":"acct_1A",
				"data":{"object":{"id":"cs_1","object":"checkout.session","payment_status":"paid","amount_total":1234,
				"currency":"usd","payment_intent":"pi_1","metadata":{"invoiceId":"%s","workspaceId":"%s"}}}}"""
			.formatted(this.invoice, this.workspace);
	}

	@Test
	void aSignatureMadeLikeStripesVerifiesAndTheEventIsRead() {
		String payload = payload();

		PaymentNotification event = this.webhooks.verify(payload, this.webhooks.sign(payload, NOW.getEpochSecond()));

		assertThat(event).isEqualTo(new PaymentNotification("evt_1", "checkout.session.completed", "acct_1A", "pi_1",
				true, 1234L, "USD", this.workspace, this.invoice));
		assertThat(event.confirmsPayment()).isTrue();
	}

	@Test
	void anOldOrForeignOrMissingSignatureDoesNotVerify() {
		String payload = payload();
		long tooOld = NOW.minus(Duration.ofMinutes(6)).getEpochSecond();

		assertThatThrownBy(() -> this.webhooks.verify(payload, this.webhooks.sign(payload, tooOld)))
			.isInstanceOf(InvalidWebhookSignature.class);
		assertThatThrownBy(() -> this.webhooks.verify(payload,
				StripeWebhooks.signature(payload, NOW.getEpochSecond(), "whsec_other")))
			.isInstanceOf(InvalidWebhookSignature.class);
		assertThatThrownBy(() -> this.webhooks.verify(payload, null)).isInstanceOf(InvalidWebhookSignature.class);
		assertThatThrownBy(() -> this.webhooks.verify(payload + " ", this.webhooks.sign(payload, NOW.getEpochSecond())))
			.isInstanceOf(InvalidWebhookSignature.class);
	}
}
