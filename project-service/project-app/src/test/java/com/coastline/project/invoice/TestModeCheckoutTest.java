package com.coastline.project.invoice;

import java.util.UUID;

import com.coastline.platform.web.problem.ProblemType;
import com.coastline.project.ProjectServiceTest;
import com.coastline.project.PublishedEvents;
import com.coastline.project.api.InvoicePaid;
import com.coastline.project.api.PaymentReceived;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.platform.web.testing.ProblemAssertions.assertProblem;
import static com.coastline.project.BackOffice.json;
import static com.coastline.project.BackOffice.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack's test-mode checkout, end to end: the portal opens a checkout, the clearly labelled page
 * shows the amount, and "Pay" reaches the invoice only as a Stripe-format signed webhook.
 */
@ProjectServiceTest
class TestModeCheckoutTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Value("${coastline.payments.stripe.webhook-secret}")
	String webhookSecret;

	Invoicing invoicing;

	PublishedEvents events;

	@BeforeEach
	void setUp() {
		this.invoicing = new Invoicing(this.mvc, this.webhookSecret);
		this.events = new PublishedEvents(this.bootstrapServers, this.jdbc);
	}

	@Test
	void payingOnTheTestModePagePaysTheInvoiceThroughTheSignedWebhook() {
		UUID invoice = this.invoicing.open();
		assertThat(this.invoicing.pay(invoice, 10000)).hasStatusOk();

		MvcTestResult checkout = this.invoicing.checkout(invoice);
		assertThat(checkout).hasStatusOk();
		String url = read(checkout, "$.checkoutUrl");
		String path = url.substring(url.indexOf("/test-checkout/"));
		String sessionId = path.substring("/test-checkout/".length());

		MvcTestResult page = this.mvc.get().uri(path).exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText().contains("TEST MODE — no real payment").contains("300.00 USD").contains("Gutter work");
		assertThat(this.invoicing.status(invoice)).isEqualTo("OPEN");

		MvcTestResult paid = this.mvc.post().uri(path + "/pay").exchange();

		assertThat(paid).hasStatus(303);
		assertThat(paid.getResponse().getHeader("Location")).contains(invoice.toString());
		MvcTestResult read = this.invoicing.read(invoice);
		assertThat(read).bodyJson().extractingPath("$.status").isEqualTo("PAID");
		assertThat(read).bodyJson().extractingPath("$.payments[1].method").isEqualTo("ONLINE");
		assertThat(read).bodyJson().extractingPath("$.payments[1].amountMinor").isEqualTo(30000);
		assertThat(read).bodyJson().extractingPath("$.payments[1].providerPaymentId")
			.isEqualTo("pi_test_" + sessionId.substring("cs_test_".length()));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from payment_webhook_event where invoice_id = ? and outcome = 'RECORDED'", Integer.class,
				invoice)).isEqualTo(1);
		assertThat(this.events.recorded(InvoicePaid.class, invoice)).isEqualTo(1);
	}

	@Test
	void payingTheSamePageTwiceIsOnePayment() {
		UUID invoice = this.invoicing.open();
		assertThat(this.invoicing.pay(invoice, 10000)).hasStatusOk();
		String url = read(this.invoicing.checkout(invoice), "$.checkoutUrl");
		String path = url.substring(url.indexOf("/test-checkout/"));
		UUID other = this.invoicing.open();
		String otherUrl = read(this.invoicing.checkout(other), "$.checkoutUrl");

		assertThat(this.mvc.post().uri(path + "/pay").exchange()).hasStatus(303);
		assertThat(this.mvc.post().uri(path + "/pay").exchange()).hasStatus(303);

		assertThat(this.invoicing.paid(invoice)).isEqualTo(Invoicing.TOTAL);
		assertThat(this.events.recorded(PaymentReceived.class, invoice)).isEqualTo(2);
		assertThat(otherUrl).isNotEqualTo(url);
		assertThat(this.invoicing.status(other)).isEqualTo("OPEN");
	}

	@Test
	void theTestModeWebhookComesFromTheWorkspacesConnectedAccount() {
		assertThat(this.invoicing.backOffice.put("/api/payment-settings",
				json("provider", "stripe", "connectedAccountId", "acct_1TestRoofer"))).hasStatusOk();
		UUID invoice = this.invoicing.open();
		String url = read(this.invoicing.checkout(invoice), "$.checkoutUrl");

		assertThat(this.mvc.post().uri(url.substring(url.indexOf("/test-checkout/")) + "/pay").exchange()).hasStatus(303);

		assertThat(this.invoicing.status(invoice)).isEqualTo("PAID");
	}

	@Test
	void aCheckoutIsNotPaidByReturningFromIt() {
		UUID invoice = this.invoicing.open();

		assertThat(this.invoicing.checkout(invoice)).hasStatusOk();
		assertThat(this.invoicing.checkout(invoice)).hasStatusOk();

		assertThat(this.invoicing.status(invoice)).isEqualTo("OPEN");
		assertThat(this.jdbc.queryForObject("select max(attempt) from payment_checkout where invoice_id = ?",
				Integer.class, invoice)).isEqualTo(2);
	}

	@Test
	void anUnknownSessionHasNoPage() {
		assertProblem(this.mvc.get().uri("/test-checkout/cs_test_guessed").exchange(), ProblemType.NOT_FOUND);
		assertProblem(this.mvc.post().uri("/test-checkout/cs_test_guessed/pay").exchange(), ProblemType.NOT_FOUND);
	}
}
