package com.coastline.project.invoice;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.coastline.platform.web.problem.ProblemType;
import com.coastline.project.BackOffice;
import com.coastline.project.ProjectServiceTest;
import com.coastline.project.PublishedEvents;
import com.coastline.project.api.InvoiceIssued;
import com.coastline.project.api.InvoicePaid;
import com.coastline.project.api.InvoiceVoided;
import com.coastline.project.api.PaymentReceived;
import com.coastline.project.api.ProjectTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.platform.web.testing.ProblemAssertions.assertInvalidFields;
import static com.coastline.platform.web.testing.ProblemAssertions.assertProblem;
import static com.coastline.platform.web.testing.ProblemAssertions.assertProblemNaming;
import static com.coastline.project.BackOffice.json;
import static com.coastline.project.PublishedEvents.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;

/** DRAFT → OPEN → PAID / VOID, partial payments, and every refused move (409/422, nothing changed). */
@ProjectServiceTest
class InvoiceLifecycleTest {

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
	void aDraftWrittenByHandHasItsLinesAndTotalsComputedLikeAnEstimatesAndPublishesNothing() {
		MvcTestResult created = this.invoicing.createDraft(Invoicing.byHand(LocalDate.of(2026, 12, 31), Invoicing.LINES));

		assertThat(created).hasStatus(201);
		UUID invoice = BackOffice.id(created);
		assertThat(created.getResponse().getHeader("Location")).endsWith("/api/invoices/" + invoice);
		assertThat(created).bodyJson().extractingPath("$.status").isEqualTo("DRAFT");
		assertThat(created).bodyJson().extractingPath("$.subtotalMinor").isEqualTo(37525);
		assertThat(created).bodyJson().extractingPath("$.taxMinor").isEqualTo(2475);
		assertThat(created).bodyJson().extractingPath("$.totalMinor").isEqualTo((int) Invoicing.TOTAL);
		assertThat(created).bodyJson().extractingPath("$.balanceDueMinor").isEqualTo((int) Invoicing.TOTAL);
		assertThat(created).bodyJson().extractingPath("$.lineItems[0].totalMinor").isEqualTo(32475);
		assertThat(created).bodyJson().extractingPath("$.dueDate").isEqualTo("2026-12-31");
		assertThat(this.events.recorded(InvoiceIssued.class, invoice)).isZero();
	}

	@Test
	void issuingOpensTheInvoiceAndPublishesInvoiceIssuedOnTheWire() {
		UUID invoice = this.invoicing.draft();

		assertThat(this.invoicing.issue(invoice)).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("OPEN");

		ConsumerRecord<String, String> record = this.events.await(ProjectTopics.INVOICE_ISSUED, invoice, 1).get(0);
		InvoiceIssued issued = assertConforms(record, InvoiceIssued.class);
		assertThat(issued.invoiceId()).isEqualTo(invoice);
		assertThat(issued.clientContactId()).isEqualTo(this.invoicing.contact);
		assertThat(issued.totalMinor()).isEqualTo(Invoicing.TOTAL);
		assertThat(issued.estimateId()).isNull();
	}

	@Test
	void partialPaymentsReduceTheBalanceAndTheLastOnePaysTheInvoiceOnce() {
		UUID invoice = this.invoicing.open();

		MvcTestResult first = this.invoicing.pay(invoice, 10000);
		assertThat(first).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("OPEN");
		assertThat(first).bodyJson().extractingPath("$.balanceDueMinor").isEqualTo((int) Invoicing.TOTAL - 10000);
		assertThat(this.events.recorded(InvoicePaid.class, invoice)).isZero();

		MvcTestResult last = this.invoicing.pay(invoice, Invoicing.TOTAL - 10000);
		assertThat(last).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("PAID");
		assertThat(last).bodyJson().extractingPath("$.balanceDueMinor").isEqualTo(0);
		assertThat(last).bodyJson().extractingPath("$.payments.length()").isEqualTo(2);
		assertThat(last).bodyJson().extractingPath("$.payments[0].method").isEqualTo("OFFLINE");

		List<ConsumerRecord<String, String>> payments = this.events.await(ProjectTopics.PAYMENT_RECEIVED, invoice, 2);
		// in either order on the topic (the outbox does not promise it): the second payment left nothing due
		assertThat(payments).map(record -> assertConforms(record, PaymentReceived.class).balanceDueMinor())
			.containsExactlyInAnyOrder(Invoicing.TOTAL - 10000, 0L);
		InvoicePaid paid = assertConforms(this.events.await(ProjectTopics.INVOICE_PAID, invoice, 1).get(0),
				InvoicePaid.class);
		assertThat(paid.paidMinor()).isEqualTo(Invoicing.TOTAL);
		assertThat(this.events.recorded(InvoicePaid.class, invoice)).isEqualTo(1);
	}

	@Test
	void aPaymentOfMoreThanTheBalanceIsRefusedAndChangesNothing() {
		UUID invoice = this.invoicing.open();
		assertThat(this.invoicing.pay(invoice, 30000)).hasStatusOk();

		assertProblemNaming(this.invoicing.pay(invoice, Invoicing.TOTAL - 30000 + 1), ProblemType.UNPROCESSABLE,
				"amountMinor");

		assertThat(this.invoicing.paid(invoice)).isEqualTo(30000);
		assertThat(this.invoicing.status(invoice)).isEqualTo("OPEN");
		assertThat(this.events.recorded(PaymentReceived.class, invoice)).isEqualTo(1);
	}

	@Test
	void anInvoiceWithNothingToPayIsNotIssued() {
		MvcTestResult created = this.invoicing.createDraft(Invoicing.byHand(LocalDate.now(), List.of()));
		UUID empty = BackOffice.id(created);
		UUID free = BackOffice.id(this.invoicing
			.createDraft(Invoicing.byHand(LocalDate.now(), List.of(Invoicing.line("Inspection", "1", 0, 0)))));

		assertProblemNaming(this.invoicing.issue(empty), ProblemType.UNPROCESSABLE, "lineItems");
		assertProblemNaming(this.invoicing.issue(free), ProblemType.UNPROCESSABLE, "lineItems");
		assertThat(this.invoicing.status(empty)).isEqualTo("DRAFT");
		assertThat(this.invoicing.status(free)).isEqualTo("DRAFT");
	}

	@Test
	void voidingADraftPublishesNothingAndVoidingAnOpenInvoicePublishesInvoiceVoided() {
		UUID draft = this.invoicing.draft();
		UUID open = this.invoicing.open();

		assertThat(this.invoicing.voidInvoice(draft)).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("VOID");
		assertThat(this.invoicing.voidInvoice(open)).hasStatusOk().bodyJson().extractingPath("$.voidReason")
			.isEqualTo("Issued twice");

		assertThat(this.events.recorded(InvoiceVoided.class, draft)).isZero();
		InvoiceVoided voided = assertConforms(this.events.await(ProjectTopics.INVOICE_VOIDED, open, 1).get(0),
				InvoiceVoided.class);
		assertThat(voided.reason()).isEqualTo("Issued twice");
	}

	@Test
	void everyIllegalMoveOfAnOpenInvoiceIsAConflictThatChangesNothing() {
		UUID open = this.invoicing.open();

		assertConflict(this.invoicing.issue(open), "OPEN");

		assertThat(this.invoicing.pay(open, 100)).hasStatusOk();
		assertConflict(this.invoicing.voidInvoice(open), "OPEN");
		assertThat(this.invoicing.status(open)).isEqualTo("OPEN");
		assertThat(this.invoicing.paid(open)).isEqualTo(100);
		assertThat(this.events.recorded(InvoiceVoided.class, open)).isZero();
		assertThat(this.events.recorded(InvoiceIssued.class, open)).isEqualTo(1);
	}

	@Test
	void everyMoveOfAPaidInvoiceIsAConflictThatChangesNothing() {
		UUID paid = this.invoicing.open();
		assertThat(this.invoicing.pay(paid, Invoicing.TOTAL)).hasStatusOk();

		assertConflict(this.invoicing.issue(paid), "PAID");
		assertConflict(this.invoicing.voidInvoice(paid), "PAID");
		assertConflict(this.invoicing.pay(paid, 1), "PAID");
		assertConflict(this.invoicing.checkout(paid), "PAID");

		assertThat(this.invoicing.status(paid)).isEqualTo("PAID");
		assertThat(this.invoicing.paid(paid)).isEqualTo(Invoicing.TOTAL);
		assertThat(this.events.recorded(PaymentReceived.class, paid)).isEqualTo(1);
		assertThat(this.events.recorded(InvoicePaid.class, paid)).isEqualTo(1);
	}

	@Test
	void everyMoveOfAVoidInvoiceIsAConflictThatChangesNothing() {
		UUID voided = this.invoicing.open();
		assertThat(this.invoicing.voidInvoice(voided)).hasStatusOk();

		assertConflict(this.invoicing.issue(voided), "VOID");
		assertConflict(this.invoicing.voidInvoice(voided), "VOID");
		assertConflict(this.invoicing.pay(voided, 1), "VOID");
		assertConflict(this.invoicing.checkout(voided), "VOID");

		assertThat(this.invoicing.status(voided)).isEqualTo("VOID");
		assertThat(this.events.recorded(InvoiceVoided.class, voided)).isEqualTo(1);
		assertThat(this.events.recorded(PaymentReceived.class, voided)).isZero();
	}

	@Test
	void aDraftTakesNoPaymentAndIsNotOfferedForCheckout() {
		UUID draft = this.invoicing.draft();

		assertConflict(this.invoicing.pay(draft, 1), "DRAFT");
		assertProblem(this.invoicing.checkout(draft), ProblemType.NOT_FOUND);

		assertThat(this.invoicing.paid(draft)).isZero();
		assertThat(this.invoicing.status(draft)).isEqualTo("DRAFT");
	}

	@Test
	void anApprovedEstimateVersionIsInvoicedWithItsLinesAndTotalsOnceUnlessVoided() {
		UUID estimate = approvedEstimate();

		MvcTestResult created = this.invoicing.backOffice.post("/api/estimates/" + estimate + "/versions/1/invoices",
				json("dueDate", LocalDate.now().plusDays(14)));

		assertThat(created).hasStatus(201);
		assertThat(created).bodyJson().extractingPath("$.estimateId").isEqualTo(estimate.toString());
		assertThat(created).bodyJson().extractingPath("$.estimateVersion").isEqualTo(1);
		assertThat(created).bodyJson().extractingPath("$.title").isEqualTo("Roof replacement");
		assertThat(created).bodyJson().extractingPath("$.currency").isEqualTo("EUR");
		assertThat(created).bodyJson().extractingPath("$.totalMinor").isEqualTo(500 + 5997 + 1 + 41);
		assertThat(created).bodyJson().extractingPath("$.lineItems.length()").isEqualTo(3);
		assertThat(created).bodyJson().extractingPath("$.lineItems[0].taxMinor").isEqualTo(41);

		MvcTestResult again = this.invoicing.backOffice.post("/api/estimates/" + estimate + "/versions/1/invoices",
				json("dueDate", LocalDate.now().plusDays(14)));
		assertProblem(again, ProblemType.CONFLICT);

		assertThat(this.invoicing.voidInvoice(BackOffice.id(created))).hasStatusOk();
		assertThat(this.invoicing.backOffice.post("/api/estimates/" + estimate + "/versions/1/invoices",
				json("dueDate", LocalDate.now().plusDays(14)))).hasStatus(201);
	}

	@Test
	void anEstimateVersionThatIsNotApprovedIsNotInvoiced() {
		UUID estimate = sentEstimate();

		MvcTestResult sent = this.invoicing.backOffice.post("/api/estimates/" + estimate + "/versions/1/invoices",
				json("dueDate", LocalDate.now().plusDays(14)));
		MvcTestResult unknownVersion = this.invoicing.backOffice
			.post("/api/estimates/" + estimate + "/versions/7/invoices", json("dueDate", LocalDate.now()));
		MvcTestResult unknownEstimate = this.invoicing.backOffice
			.post("/api/estimates/" + UUID.randomUUID() + "/versions/1/invoices", json("dueDate", LocalDate.now()));

		assertProblem(sent, ProblemType.CONFLICT);
		assertThat(sent).bodyJson().extractingPath("$.currentStatus").isEqualTo("SENT");
		assertProblem(unknownVersion, ProblemType.NOT_FOUND);
		assertProblem(unknownEstimate, ProblemType.NOT_FOUND);
		assertThat(this.invoicing.backOffice.get("/api/projects/" + this.invoicing.project + "/invoices"))
			.bodyJson()
			.extractingPath("$")
			.asArray()
			.isEmpty();
	}

	@Test
	void badInputIsABadRequestNamingTheField() {
		assertInvalidFields(this.invoicing.createDraft(json("currency", "usd", "title", "Gutters", "dueDate",
				LocalDate.now(), "lineItems", List.of())), "currency");
		assertInvalidFields(this.invoicing.createDraft(json("currency", "USD", "title", "Gutters", "lineItems",
				List.of())), "dueDate");
		assertInvalidFields(this.invoicing.createDraft(json("currency", "USD", "title", "Gutters", "dueDate",
				LocalDate.now(), "lineItems", List.of(Map.of("description", "Nails", "quantity", 1, "unitPriceMinor",
						19.99, "taxRateBasisPoints", 0)))), "lineItems[0].unitPriceMinor");
		UUID open = this.invoicing.open();
		assertInvalidFields(this.invoicing.backOffice.post("/api/invoices/" + open + "/payments",
				json("amountMinor", 10.5)), "amountMinor");
		assertInvalidFields(this.invoicing.backOffice.post("/api/invoices/" + open + "/payments",
				json("amountMinor", 0)), "amountMinor");
		assertProblem(this.invoicing.backOffice.post("/api/invoices/not-a-uuid/issue"), ProblemType.BAD_REQUEST);
		assertThat(this.invoicing.paid(open)).isZero();
	}

	private void assertConflict(MvcTestResult result, String currentStatus) {
		assertProblem(result, ProblemType.CONFLICT);
		assertThat(result).bodyJson().extractingPath("$.currentStatus").isEqualTo(currentStatus);
	}

	/** An estimate in EUR sent to the invoicing client (version 1). */
	private UUID sentEstimate() {
		MvcTestResult created = this.invoicing.backOffice.post("/api/projects/" + this.invoicing.project + "/estimates",
				json("currency", "EUR", "title", "Roof replacement", "validUntil", LocalDate.now().plusMonths(1),
						"lineItems",
						List.of(Invoicing.line("Remove old shingles", "1.5", 333, 825),
								Invoicing.line("Cedar shingles, per bundle", "3", 1999, 0),
								Invoicing.line("Nails", "0.001", 500, 1000))));
		assertThat(created).hasStatus(201);
		UUID estimate = BackOffice.id(created);
		assertThat(this.invoicing.backOffice.post("/api/estimates/" + estimate + "/send")).hasStatusOk();
		return estimate;
	}

	private UUID approvedEstimate() {
		UUID estimate = sentEstimate();
		assertThat(this.mvc.post()
			.uri("/portal/estimates/" + estimate + "/approve")
			.header("Authorization", this.invoicing.clientBearer())
			.contentType("application/json")
			.content(json("version", 1, "signedName", "Dana Reyes", "ip", "203.0.113.7", "userAgent", "Mozilla/5.0"))
			.exchange()).hasStatusOk();
		return estimate;
	}
}
