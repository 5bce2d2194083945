package com.coastline.project.invoice.payment;

import java.util.UUID;

import com.coastline.project.invoice.payment.PaymentProvider.CheckoutRequest;
import com.coastline.project.invoice.payment.PaymentProvider.CheckoutSession;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Stripe adapter against WireMock standing in for Stripe's HTTP API: what a Checkout Session request carries. */
class StripeCheckoutTest {

	static final String SESSIONS = "/v1/checkout/sessions";

	static final String SESSION = """
			{"id": "cs_test_a1", "object": "checkout.session", "mode": "payment", "status": "open",
			 "url": "https://checkout.stripe.com/c/pay/cs_test_a1", "amount_total": 40000, "currency": "usd"}""";

	WireMockServer stripe;

	StripePaymentProvider provider;

	final UUID workspace = UUID.randomUUID();

	final UUID invoice = UUID.randomUUID();

	@BeforeEach
	void startStripe() {
		this.stripe = new WireMockServer(options().dynamicPort());
		this.stripe.start();
		this.provider = new StripePaymentProvider("sk_test_platform", this.stripe.baseUrl());
	}

	@AfterEach
	void stopStripe() {
		this.stripe.stop();
	}

	@Test
	void aCheckoutSessionIsOpenedOnTheConnectedAccountForTheAmountDueWithOurIdempotencyKey() {
		this.stripe.stubFor(post(urlEqualTo(SESSIONS)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(SESSION)));

		CheckoutSession session = this.provider.openCheckout(request("invoice-" + this.invoice + "-40000-1", 40000, "USD"));

		assertThat(session.sessionId()).isEqualTo("cs_test_a1");
		assertThat(session.url()).isEqualTo("https://checkout.stripe.com/c/pay/cs_test_a1");
		this.stripe.verify(1, postRequestedFor(urlEqualTo(SESSIONS))
			.withHeader("Authorization", equalTo("Bearer sk_test_platform"))
			.withHeader("Stripe-Account", equalTo("acct_1Roofer"))
			.withHeader("Idempotency-Key", equalTo("invoice-" + this.invoice + "-40000-1"))
			.withFormParam("mode", equalTo("payment"))
			.withFormParam("line_items[0][quantity]", equalTo("1"))
			.withFormParam("line_items[0][price_data][unit_amount]", equalTo("40000"))
			.withFormParam("line_items[0][price_data][currency]", equalTo("usd"))
			.withFormParam("line_items[0][price_data][product_data][name]", equalTo("Gutter work"))
			.withFormParam("metadata[invoiceId]", equalTo(this.invoice.toString()))
			.withFormParam("metadata[workspaceId]", equalTo(this.workspace.toString()))
			.withFormParam("payment_intent_data[metadata][invoiceId]", equalTo(this.invoice.toString()))
			.withFormParam("payment_intent_data[metadata][workspaceId]", equalTo(this.workspace.toString()))
			.withFormParam("client_reference_id", equalTo(this.invoice.toString()))
			.withFormParam("success_url", equalTo("https://portal.example/invoices/" + this.invoice + "?checkout=done")));
	}

	@Test
	void aZeroDecimalCurrencyIsSentInItsOwnMinorUnits() {
		this.stripe.stubFor(post(urlEqualTo(SESSIONS)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(SESSION)));

		this.provider.openCheckout(request("invoice-jpy", 5000, "JPY"));

		this.stripe.verify(postRequestedFor(urlEqualTo(SESSIONS))
			.withFormParam("line_items[0][price_data][unit_amount]", equalTo("5000"))
			.withFormParam("line_items[0][price_data][currency]", equalTo("jpy")));
	}

	@Test
	void aRetriedRequestKeepsItsIdempotencyKey() {
		this.stripe.stubFor(post(urlEqualTo(SESSIONS)).inScenario("flaky")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(503).withHeader("Stripe-Should-Retry", "true"))
			.willSetStateTo("recovered"));
		this.stripe.stubFor(post(urlEqualTo(SESSIONS)).inScenario("flaky")
			.whenScenarioStateIs("recovered")
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(SESSION)));

		CheckoutSession session = this.provider.openCheckout(request("invoice-retry-1", 40000, "USD"));

		assertThat(session.sessionId()).isEqualTo("cs_test_a1");
		assertThat(this.stripe.findAll(postRequestedFor(urlEqualTo(SESSIONS)))).hasSize(2)
			.extracting((LoggedRequest request) -> request.getHeader("Idempotency-Key"))
			.containsOnly("invoice-retry-1");
	}

	@Test
	void aRefusalIsReportedAsTheProviderBeingUnavailable() {
		this.stripe.stubFor(post(urlEqualTo(SESSIONS)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("""
					{"error": {"type": "invalid_request_error", "message": "No such account: acct_1Roofer"}}""")));

		assertThatThrownBy(() -> this.provider.openCheckout(request("invoice-refused", 40000, "USD")))
			.isInstanceOf(PaymentProviderUnavailable.class);
	}

	private CheckoutRequest request(String idempotencyKey, long amountMinor, String currency) {
		String returnUrl = "https://portal.example/invoices/" + this.invoice;
		return new CheckoutRequest(this.workspace, this.invoice, "Gutter work", amountMinor, currency, "acct_1Roofer",
				idempotencyKey, returnUrl + "?checkout=done", returnUrl + "?checkout=cancelled");
	}
}
