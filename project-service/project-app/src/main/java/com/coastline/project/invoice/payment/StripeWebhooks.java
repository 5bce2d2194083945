package com.coastline.project.invoice.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's webhook format, for both adapters: verification with Stripe's own code
 * ({@link Webhook#constructEvent}: HMAC-SHA256 of {@code t.payload} under the endpoint secret, timestamps
 * within the tolerance), and, for the test-mode checkout only, signing the same way.
 */
public class StripeWebhooks {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String secret;

	private final Duration tolerance;

	private final Clock clock;

	public StripeWebhooks(String secret, Duration tolerance, Clock clock) {
		if (secret == null || secret.isBlank()) {
			throw new IllegalStateException("coastline.payments.stripe.webhook-secret is not set");
		}
		this.secret = secret;
		this.tolerance = tolerance;
		this.clock = clock;
	}

	/**
	 * The event, if its {@code Stripe-Signature} verifies over the body exactly as received.
	 * @throws InvalidWebhookSignature otherwise (also for a missing header or an unreadable body)
	 */
	public PaymentNotification verify(String payload, String signatureHeader) {
		if (payload == null || signatureHeader == null || signatureHeader.isBlank()) {
			throw new InvalidWebhookSignature();
		}
		try {
			Webhook.constructEvent(payload, signatureHeader, this.secret, this.tolerance.toSeconds(), this.clock);
		}
		catch (SignatureVerificationException | RuntimeException ex) {
			// RuntimeException: a signed body that is not an event (Gson's JsonSyntaxException) is refused alike.
			throw new InvalidWebhookSignature();
		}
		try {
			return notification(JSON.readTree(payload));
		}
		catch (JacksonException ex) {
			throw new InvalidWebhookSignature();
		}
	}

	private static PaymentNotification notification(JsonNode event) {
		String type = text(event, "type");
		JsonNode object = event.path("data").path("object");
		JsonNode metadata = object.path("metadata");
		boolean paymentIntent = "payment_intent".equals(text(object, "object"));
		String paymentId = paymentIntent ? text(object, "id") : text(object, "payment_intent");
		boolean paid = paymentIntent ? "succeeded".equals(text(object, "status"))
				: "paid".equals(text(object, "payment_status"));
		Long amount = number(object, paymentIntent ? "amount_received" : "amount_total");
		String currency = text(object, "currency");
		return new PaymentNotification(text(event, "id"), type, text(event, "account"), paymentId, paid, amount,
				(currency != null) ? currency.toUpperCase(Locale.ROOT) : null, uuid(metadata, "workspaceId"),
				uuid(metadata, "invoiceId"));
	}

	/**
	 * A {@code Stripe-Signature} header for the payload, as Stripe computes it: {@code t=<seconds>,v1=<hex
	 * HMAC-SHA256 of "t.payload">}.
	 */
	public String sign(String payload, long epochSeconds) {
		return signature(payload, epochSeconds, this.secret);
	}

	/** {@link #sign} with any secret (tests sign with a wrong one). */
	public static String signature(String payload, long epochSeconds, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal((epochSeconds + "." + payload).getBytes(StandardCharsets.UTF_8));
			return "t=" + epochSeconds + ",v1=" + HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull() || !value.isValueNode()) ? null : value.asString();
	}

	private static Long number(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isIntegralNumber()) ? value.asLong() : null;
	}

	private static UUID uuid(JsonNode node, String field) {
		String value = text(node, field);
		if (value == null) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
