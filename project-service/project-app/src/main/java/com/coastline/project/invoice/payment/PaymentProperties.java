package com.coastline.project.invoice.payment;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code coastline.payments}: which provider opens checkouts, the platform's Stripe key and webhook
 * secret (configuration, never in the database; each workspace's connected account is its payment
 * settings), and where clients return after a checkout.
 *
 * @param provider {@code stripe}, or {@code test-mode} for the local stack only
 * @param stripe the platform's Stripe credentials and API base
 * @param returnUrl where the client returns after a checkout, {@code {invoiceId}} replaced; it shows the
 * invoice as the service has it, never "paid" on its own say
 * @param testMode the test-mode checkout's addresses
 */
@Validated
@ConfigurationProperties("coastline.payments")
public record PaymentProperties(@NotNull @DefaultValue("test-mode") Provider provider, @Valid @NotNull Stripe stripe,
		@NotBlank @DefaultValue("http://localhost:8080/invoices/{invoiceId}") String returnUrl,
		@Valid @NotNull @DefaultValue TestMode testMode) {

	public enum Provider {

		STRIPE, TEST_MODE
	}

	/**
	 * @param apiKey the platform's secret key ({@code sk_…}); required with the {@code stripe} provider
	 * @param webhookSecret the Connect webhook endpoint's signing secret ({@code whsec_…})
	 * @param apiBase Stripe's API (WireMock in tests)
	 * @param tolerance how old a signed webhook may be (Stripe's default: five minutes)
	 */
	public record Stripe(String apiKey, @NotBlank String webhookSecret,
			@NotBlank @DefaultValue("https://api.stripe.com") String apiBase,
			@NotNull @DefaultValue("5m") Duration tolerance) {
	}

	/**
	 * @param checkoutBaseUrl where the browser reaches this service's {@code /test-checkout} pages
	 * @param webhookUrl where the test-mode checkout posts its signed webhook; this service's own
	 * {@code /webhooks/stripe} when blank
	 */
	public record TestMode(@DefaultValue("http://localhost:8083") String checkoutBaseUrl, String webhookUrl) {
	}
}
