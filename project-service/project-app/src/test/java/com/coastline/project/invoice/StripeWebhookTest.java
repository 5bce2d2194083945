package com.coastline.project.invoice;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.coastline.platform.web.problem.ProblemType;
import com.coastline.project.ProjectServiceTest;
import com.coastline.project.PublishedEvents;
import com.coastline.project.api.InvoicePaid;
import com.coastline.project.api.PaymentReceived;
import com.coastline.project.invoice.payment.StripeWebhooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.platform.web.testing.ProblemAssertions.assertProblem;
import static com.coastline.project.BackOffice.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stripe's webhooks are the only way an invoice is paid online: verified signatures only, each event once,
 * each payment intent once, and late or out-of-order events change nothing.
 */
@ProjectServiceTest
class StripeWebhookTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Value("${coastline.payments.stripe.webhook-secret}")
	String webhookSecret;

	@LocalServerPort
	int port;

	Invoicing invoicing;

	PublishedEvents events;

	@BeforeEach
	void setUp() {
		this.invoicing = new Invoicing(this.mvc, this.webhookSecret);
		this.events = new PublishedEvents(this.bootstrapServers, this.jdbc);
	}

	@Test
	void aCompletedCheckoutWithAValidSignaturePaysTheInvoice() {
		UUID invoice = this.invoicing.open();
		String paymentIntent = Invoicing.paymentIntentId();

		MvcTestResult received = this.invoicing
			.deliver(this.invoicing.completed(Invoicing.eventId(), invoice, paymentIntent, Invoicing.TOTAL));

		assertThat(received).hasStatusOk().bodyJson().extractingPath("$.outcome").isEqualTo("RECORDED");
		MvcTestResult read = this.invoicing.read(invoice);
		assertThat(read).bodyJson().extractingPath("$.status").isEqualTo("PAID");
		assertThat(read).bodyJson().extractingPath("$.payments[0].method").isEqualTo("ONLINE");
		assertThat(read).bodyJson().extractingPath("$.payments[0].providerPaymentId").isEqualTo(paymentIntent);
		assertThat(this.events.recorded(PaymentReceived.class, invoice)).isEqualTo(1);
		assertThat(this.events.recorded(InvoicePaid.class, invoice)).isEqualTo(1);
	}

	@Test
	void aBadSignatureIsRefusedAndRecordsNothing() {
		UUID invoice = this.invoicing.open();
		String eventId = Invoicing.eventId();
		String payload = this.invoicing.completed(eventId, invoice, Invoicing.paymentIntentId(), Invoicing.TOTAL);
		long now = Instant.now().getEpochSecond();

		assertProblem(this.invoicing.deliver(payload, StripeWebhooks.signature(payload, now, "whsec_wrong")),
				ProblemType.BAD_REQUEST);
		assertProblem(this.invoicing.deliver(payload.replace("\"amount_total\":" + Invoicing.TOTAL,
				"\"amount_total\":1"), StripeWebhooks.signature(payload, now, this.webhookSecret)),
				ProblemType.BAD_REQUEST);
		assertProblem(this.invoicing.deliver(payload, StripeWebhooks.signature(payload, now - 3600, this.webhookSecret)),
				ProblemType.BAD_REQUEST);
		assertProblem(this.invoicing.deliver(payload, "t=" + now + ",v1=00"), ProblemType.BAD_REQUEST);
		assertProblem(this.mvc.post().uri(Invoicing.WEBHOOK).contentType("application/json").content(payload).exchange(),
				ProblemType.BAD_REQUEST);

		assertThat(this.invoicing.status(invoice)).isEqualTo("OPEN");
		assertThat(this.invoicing.paid(invoice)).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from payment_webhook_event where event_id = ?",
				Integer.class, eventId)).isZero();
		// Nothing was recorded of the refused deliveries: the genuine one is still handled.
		assertThat(this.invoicing.deliver(payload)).hasStatusOk().bodyJson().extractingPath("$.outcome")
			.isEqualTo("RECORDED");
	}

	@Test
	void aReplayedEventChangesNothing() {
		UUID invoice = this.invoicing.open();
		String payload = this.invoicing.completed(Invoicing.eventId(), invoice, Invoicing.paymentIntentId(), 10000);

		assertThat(this.invoicing.deliver(payload)).bodyJson().extractingPath("$.outcome").isEqualTo("RECORDED");
		MvcTestResult replayed = this.invoicing.deliver(payload);

		assertThat(replayed).hasStatusOk().bodyJson().extractingPath("$.outcome").isEqualTo("DUPLICATE");
		assertThat(this.invoicing.paid(invoice)).isEqualTo(10000);
		assertThat(this.invoicing.status(invoice)).isEqualTo("OPEN");
		assertThat(this.events.recorded(PaymentReceived.class, invoice)).isEqualTo(1);
	}

	@Test
	void twoEventsOfOnePaymentIntentRecordItOnceInEitherOrder() {
		UUID invoice = this.invoicing.open();
		UUID other = this.invoicing.open();
		String paymentIntent = Invoicing.paymentIntentId();
		String otherIntent = Invoicing.paymentIntentId();

		assertThat(this.invoicing.deliver(this.invoicing.completed(Invoicing.eventId(), invoice, paymentIntent, 10000)))
			.bodyJson().extractingPath("$.outcome").isEqualTo("RECORDED");
		assertThat(this.invoicing.deliver(Invoicing.event(Invoicing.eventId(), "payment_intent.succeeded", null,
				Invoicing.paymentIntent(invoice, this.invoicing.workspace(), paymentIntent, 10000))))
			.hasStatusOk().bodyJson().extractingPath("$.outcome").isEqualTo("ALREADY_RECORDED");

		assertThat(this.invoicing.deliver(Invoicing.event(Invoicing.eventId(), "payment_intent.succeeded", null,
				Invoicing.paymentIntent(other, this.invoicing.workspace(), otherIntent, 10000))))
			.bodyJson().extractingPath("$.outcome").isEqualTo("RECORDED");
		assertThat(this.invoicing.deliver(this.invoicing.completed(Invoicing.eventId(), other, otherIntent, 10000)))
			.bodyJson().extractingPath("$.outcome").isEqualTo("ALREADY_RECORDED");

		assertThat(this.invoicing.paid(invoice)).isEqualTo(10000);
		assertThat(this.invoicing.paid(other)).isEqualTo(10000);
		assertThat(this.events.recorded(PaymentReceived.class, invoice)).isEqualTo(1);
		assertThat(this.events.recorded(PaymentReceived.class, other)).isEqualTo(1);
	}

	@Test
	void concurrentDeliveriesOfOnePaymentRecordItOnce() throws Exception {
		UUID invoice = this.invoicing.open();
		String paymentIntent = Invoicing.paymentIntentId();
		String replayed = this.invoicing.completed(Invoicing.eventId(), invoice, paymentIntent, 10000);
		HttpClient http = HttpClient.newHttpClient();
		List<Callable<Integer>> deliveries = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			String payload = (i % 2 == 0) ? replayed
					: this.invoicing.completed(Invoicing.eventId(), invoice, paymentIntent, 10000);
			deliveries.add(() -> http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + Invoicing.WEBHOOK))
				.header("Content-Type", "application/json")
				.header("Stripe-Signature",
						StripeWebhooks.signature(payload, Instant.now().getEpochSecond(), this.webhookSecret))
				.POST(HttpRequest.BodyPublishers.ofString(payload))
				.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
		}

		List<Integer> statuses = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			for (Future<Integer> status : pool.invokeAll(deliveries)) {
				statuses.add(status.get());
			}
		}

		assertThat(statuses).containsOnly(200);
		assertThat(this.invoicing.paid(invoice)).isEqualTo(10000);
		assertThat(this.events.recorded(PaymentReceived.class, invoice)).isEqualTo(1);
	}

	@Test
	void eventsArrivingAfterThePaymentChangeNothing() {
		UUID invoice = this.invoicing.open();
		String paymentIntent = Invoicing.paymentIntentId();
		assertThat(this.invoicing.deliver(this.invoicing.completed(Invoicing.eventId(), invoice, paymentIntent,
				Invoicing.TOTAL))).hasStatusOk();

		MvcTestResult expired = this.invoicing.deliver(Invoicing.event(Invoicing.eventId(), "checkout.session.expired",
				null, Invoicing.session(invoice, this.invoicing.workspace(), null, Invoicing.TOTAL, "usd", "unpaid")));
		MvcTestResult failed = this.invoicing.deliver(Invoicing.event(Invoicing.eventId(),
				"checkout.session.async_payment_failed", null,
				Invoicing.session(invoice, this.invoicing.workspace(), paymentIntent, Invoicing.TOTAL, "usd", "unpaid")));

		assertThat(expired).hasStatusOk().bodyJson().extractingPath("$.outcome").isEqualTo("IGNORED");
		assertThat(failed).hasStatusOk().bodyJson().extractingPath("$.outcome").isEqualTo("IGNORED");
		assertThat(this.invoicing.status(invoice)).isEqualTo("PAID");
		assertThat(this.invoicing.paid(invoice)).isEqualTo(Invoicing.TOTAL);
	}

	@Test
	void anUnpaidCompletionDoesNotPay() {
		UUID invoice = this.invoicing.open();

		MvcTestResult unpaid = this.invoicing.deliver(Invoicing.event(Invoicing.eventId(), "checkout.session.completed",
				null, Invoicing.session(invoice, this.invoicing.workspace(), Invoicing.paymentIntentId(),
						Invoicing.TOTAL, "usd", "unpaid")));

		assertThat(unpaid).hasStatusOk().bodyJson().extractingPath("$.outcome").isEqualTo("IGNORED");
		assertThat(this.invoicing.status(invoice)).isEqualTo("OPEN");
	}

	@Test
	void aPaymentOfAVoidedInvoiceChangesNothing() {
		UUID invoice = this.invoicing.open();
		assertThat(this.invoicing.voidInvoice(invoice)).hasStatusOk();

		MvcTestResult late = this.invoicing
			.deliver(this.invoicing.completed(Invoicing.eventId(), invoice, Invoicing.paymentIntentId(), Invoicing.TOTAL));

		assertThat(late).hasStatusOk().bodyJson().extractingPath("$.outcome").isEqualTo("INVOICE_NOT_OPEN");
		assertThat(this.invoicing.status(invoice)).isEqualTo("VOID");
		assertThat(this.invoicing.read(invoice)).bodyJson().extractingPath("$.payments").asArray().isEmpty();
		assertThat(this.events.recorded(PaymentReceived.class, invoice)).isZero();
	}

	@Test
	void anOnlinePaymentCrossingAnOfflineOneIsRecordedAndTheExcessShown() {
		UUID invoice = this.invoicing.open();
		assertThat(this.invoicing.pay(invoice, 10000)).hasStatusOk();

		assertThat(this.invoicing.deliver(this.invoicing.completed(Invoicing.eventId(), invoice,
				Invoicing.paymentIntentId(), Invoicing.TOTAL))).bodyJson().extractingPath("$.outcome").isEqualTo("RECORDED");

		MvcTestResult read = this.invoicing.read(invoice);
		assertThat(read).bodyJson().extractingPath("$.status").isEqualTo("PAID");
		assertThat(read).bodyJson().extractingPath("$.overpaidMinor").isEqualTo(10000);
		assertThat(read).bodyJson().extractingPath("$.balanceDueMinor").isEqualTo(0);
	}

	@Test
	void aPaymentInAnotherCurrencyIsNotApplied() {
		UUID invoice = this.invoicing.open();

		MvcTestResult euros = this.invoicing.deliver(Invoicing.event(Invoicing.eventId(), "checkout.session.completed",
				null, Invoicing.session(invoice, this.invoicing.workspace(), Invoicing.paymentIntentId(),
						Invoicing.TOTAL, "eur", "paid")));

		assertThat(euros).hasStatusOk().bodyJson().extractingPath("$.outcome").isEqualTo("CURRENCY_MISMATCH");
		assertThat(this.invoicing.status(invoice)).isEqualTo("OPEN");
	}

	@Test
	void aPaymentOnAnotherConnectedAccountIsNotApplied() {
		assertThat(this.invoicing.backOffice.put("/api/payment-settings",
				json("provider", "stripe", "connectedAccountId", "acct_1Roofer"))).hasStatusOk();
		UUID invoice = this.invoicing.open();
		String paymentIntent = Invoicing.paymentIntentId();

		MvcTestResult foreign = this.invoicing.deliver(Invoicing.event(Invoicing.eventId(), "checkout.session.completed",
				"acct_1Mallory", Invoicing.session(invoice, this.invoicing.workspace(), paymentIntent, Invoicing.TOTAL,
						"usd", "paid")));
		assertThat(foreign).hasStatusOk().bodyJson().extractingPath("$.outcome").isEqualTo("ACCOUNT_MISMATCH");
		assertThat(this.invoicing.status(invoice)).isEqualTo("OPEN");

		MvcTestResult own = this.invoicing.deliver(Invoicing.event(Invoicing.eventId(), "checkout.session.completed",
				"acct_1Roofer", Invoicing.session(invoice, this.invoicing.workspace(), paymentIntent, Invoicing.TOTAL,
						"usd", "paid")));
		assertThat(own).bodyJson().extractingPath("$.outcome").isEqualTo("RECORDED");
		assertThat(this.invoicing.status(invoice)).isEqualTo("PAID");
	}

	@Test
	void anEventNamingAnotherWorkspaceForTheInvoiceChangesNothing() {
		UUID invoice = this.invoicing.open();

		MvcTestResult guessed = this.invoicing.deliver(Invoicing.event(Invoicing.eventId(), "checkout.session.completed",
				null, Invoicing.session(invoice, UUID.randomUUID(), Invoicing.paymentIntentId(), Invoicing.TOTAL, "usd",
						"paid")));
		MvcTestResult noWorkspace = this.invoicing.deliver(Invoicing.event(Invoicing.eventId(),
				"checkout.session.completed", null, Invoicing.session(invoice, new UUID(0, 0), Invoicing.paymentIntentId(),
						Invoicing.TOTAL, "usd", "paid")));
		MvcTestResult unrelated = this.invoicing.deliver(Invoicing.event(Invoicing.eventId(), "customer.created", null,
				java.util.Map.of("id", "cus_123", "object", "customer")));

		assertThat(guessed).hasStatusOk().bodyJson().extractingPath("$.outcome").isEqualTo("UNKNOWN_INVOICE");
		assertThat(noWorkspace).hasStatusOk().bodyJson().extractingPath("$.outcome").isEqualTo("UNKNOWN_INVOICE");
		assertThat(unrelated).hasStatusOk().bodyJson().extractingPath("$.outcome").isEqualTo("UNKNOWN_INVOICE");
		assertThat(this.invoicing.status(invoice)).isEqualTo("OPEN");
	}
}
