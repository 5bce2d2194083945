package com.coastline.project.invoice;

import java.time.LocalDate;
import java.util.UUID;

import com.coastline.platform.test.security.TestTokens;
import com.coastline.platform.web.problem.ProblemType;
import com.coastline.project.BackOffice;
import com.coastline.project.ProjectServiceTest;
import com.coastline.project.PublishedEvents;
import com.coastline.project.api.InvoiceIssued;
import com.coastline.project.api.InvoiceVoided;
import com.coastline.project.api.PaymentReceived;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.platform.web.testing.ProblemAssertions.assertProblem;
import static com.coastline.project.BackOffice.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another workspace, another contact of the same workspace and guessed ids never see or change an
 * invoice, on any endpoint: 404 alike, lists without it.
 */
@ProjectServiceTest
class InvoiceTenantIsolationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Value("${coastline.payments.stripe.webhook-secret}")
	String webhookSecret;

	Invoicing workspaceA;

	BackOffice workspaceB;

	PublishedEvents events;

	UUID open;

	UUID draft;

	@BeforeEach
	void setUp() {
		this.workspaceA = new Invoicing(this.mvc, this.webhookSecret);
		this.workspaceB = new BackOffice(this.mvc, UUID.randomUUID());
		this.events = new PublishedEvents(this.bootstrapServers, this.jdbc);
		this.open = this.workspaceA.open();
		this.draft = this.workspaceA.draft();
	}

	@Test
	void anotherWorkspaceCannotReadOrChangeTheInvoices() {
		for (UUID invoice : new UUID[] { this.open, this.draft, UUID.randomUUID() }) {
			assertProblem(this.workspaceB.get("/api/invoices/" + invoice), ProblemType.NOT_FOUND);
			assertProblem(this.workspaceB.post("/api/invoices/" + invoice + "/issue"), ProblemType.NOT_FOUND);
			assertProblem(this.workspaceB.post("/api/invoices/" + invoice + "/void"), ProblemType.NOT_FOUND);
			assertProblem(this.workspaceB.post("/api/invoices/" + invoice + "/payments", json("amountMinor", 100)),
					ProblemType.NOT_FOUND);
		}
		assertProblem(this.workspaceB.get("/api/projects/" + this.workspaceA.project + "/invoices"),
				ProblemType.NOT_FOUND);
		assertProblem(this.workspaceB.post("/api/projects/" + this.workspaceA.project + "/invoices",
				Invoicing.byHand(LocalDate.now(), Invoicing.LINES)), ProblemType.NOT_FOUND);
		assertThat(this.workspaceB.get("/api/invoices")).hasStatusOk().bodyJson().extractingPath("$").asArray().isEmpty();

		assertThat(this.workspaceA.status(this.open)).isEqualTo("OPEN");
		assertThat(this.workspaceA.status(this.draft)).isEqualTo("DRAFT");
		assertThat(this.workspaceA.paid(this.open)).isZero();
		assertThat(this.events.recorded(InvoiceIssued.class, this.draft)).isZero();
		assertThat(this.events.recorded(InvoiceVoided.class, this.open)).isZero();
		assertThat(this.events.recorded(PaymentReceived.class, this.open)).isZero();
		assertThat(this.workspaceA.backOffice.get("/api/invoices")).bodyJson().extractingPath("$.length()").isEqualTo(2);
	}

	@Test
	void anotherWorkspaceCannotInvoiceAnEstimateOfThisOne() {
		MvcTestResult estimate = this.workspaceA.backOffice.post(
				"/api/projects/" + this.workspaceA.project + "/estimates",
				json("currency", "USD", "title", "Roof", "lineItems", Invoicing.LINES));
		UUID estimateId = BackOffice.id(estimate);

		assertProblem(this.workspaceB.post("/api/estimates/" + estimateId + "/versions/1/invoices",
				json("dueDate", LocalDate.now())), ProblemType.NOT_FOUND);
	}

	@Test
	void onlyAnOwnerMayChangeWherePaymentsGo() {
		assertThat(this.workspaceA.backOffice.put("/api/payment-settings",
				json("provider", "stripe", "connectedAccountId", "acct_owner"))).hasStatusOk();

		MvcTestResult byStaff = this.mvc.put()
			.uri("/api/payment-settings")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.staff(this.workspaceA.backOffice.workspace()).roles("staff").bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("provider", "stripe", "connectedAccountId", "acct_staff"))
			.exchange();

		assertProblem(byStaff, ProblemType.FORBIDDEN);
		assertThat(this.workspaceA.backOffice.get("/api/payment-settings")).bodyJson()
			.extractingPath("$.connectedAccountId")
			.isEqualTo("acct_owner");
	}

	@Test
	void paymentSettingsBelongToTheirWorkspace() {
		assertThat(this.workspaceA.backOffice.put("/api/payment-settings",
				json("provider", "stripe", "connectedAccountId", "acct_1A"))).hasStatusOk();

		assertProblem(this.workspaceB.get("/api/payment-settings"), ProblemType.NOT_FOUND);
		assertThat(this.workspaceB.put("/api/payment-settings",
				json("provider", "stripe", "connectedAccountId", "acct_1B"))).hasStatusOk();

		assertThat(this.workspaceA.backOffice.get("/api/payment-settings")).bodyJson()
			.extractingPath("$.connectedAccountId")
			.isEqualTo("acct_1A");
		assertThat(this.workspaceB.get("/api/payment-settings")).bodyJson()
			.extractingPath("$.connectedAccountId")
			.isEqualTo("acct_1B");
		assertProblem(this.workspaceB.put("/api/payment-settings",
				json("provider", "paypal", "connectedAccountId", "me@example.com")), ProblemType.VALIDATION_FAILED);
	}

	@Test
	void theClientSeesIssuedInvoicesOfItsProjectsOnlyAndNeverDrafts() {
		assertThat(this.workspaceA.clientGet("/portal/invoices")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].id")
			.asArray()
			.containsExactly(this.open.toString());
		assertThat(this.workspaceA.clientGet("/portal/invoices/" + this.open)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.balanceDueMinor")
			.isEqualTo((int) Invoicing.TOTAL);
		assertProblem(this.workspaceA.clientGet("/portal/invoices/" + this.draft), ProblemType.NOT_FOUND);
		assertProblem(this.workspaceA.checkout(this.draft), ProblemType.NOT_FOUND);
		assertProblem(this.workspaceA.clientGet("/portal/invoices/" + UUID.randomUUID()), ProblemType.NOT_FOUND);
		assertProblem(this.workspaceA.checkout(UUID.randomUUID()), ProblemType.NOT_FOUND);
	}

	@Test
	void anotherContactOfTheWorkspaceSeesNothingUntilAddedToTheProject() {
		UUID neighbour = this.workspaceA.backOffice.createContact("Sam", "Lee",
				"sam." + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
		String bearer = TestTokens.client(this.workspaceA.workspace(), neighbour).bearer();

		assertThat(get(bearer, "/portal/invoices")).hasStatusOk().bodyJson().extractingPath("$").asArray().isEmpty();
		assertProblem(get(bearer, "/portal/invoices/" + this.open), ProblemType.NOT_FOUND);
		assertProblem(post(bearer, "/portal/invoices/" + this.open + "/checkout"), ProblemType.NOT_FOUND);
		assertThat(get(bearer, "/portal/overview")).bodyJson().extractingPath("$.openInvoices").asArray().isEmpty();

		assertThat(this.workspaceA.backOffice
			.post("/api/projects/" + this.workspaceA.project + "/contacts/" + neighbour)).hasStatusOk();

		assertThat(get(bearer, "/portal/invoices/" + this.open)).hasStatusOk();
		assertThat(get(bearer, "/portal/overview")).bodyJson()
			.extractingPath("$.openInvoices[*].id")
			.asArray()
			.containsExactly(this.open.toString());
	}

	@Test
	void aClientOfAnotherWorkspaceSeesNothingEvenWithTheSameContactId() {
		String bearer = TestTokens.client(UUID.randomUUID(), this.workspaceA.contact).bearer();

		assertThat(get(bearer, "/portal/invoices")).hasStatusOk().bodyJson().extractingPath("$").asArray().isEmpty();
		assertProblem(get(bearer, "/portal/invoices/" + this.open), ProblemType.NOT_FOUND);
		assertProblem(post(bearer, "/portal/invoices/" + this.open + "/checkout"), ProblemType.NOT_FOUND);
		assertThat(this.jdbc.queryForObject("select count(*) from payment_checkout where invoice_id = ?", Integer.class,
				this.open)).isZero();
	}

	@Test
	void theOverviewListsTheClientsOpenInvoices() {
		UUID paid = this.workspaceA.open();
		assertThat(this.workspaceA.pay(paid, Invoicing.TOTAL)).hasStatusOk();

		MvcTestResult overview = this.workspaceA.clientGet("/portal/overview");

		assertThat(overview).bodyJson().extractingPath("$.openInvoices[*].id").asArray()
			.containsExactly(this.open.toString());
		assertThat(overview).bodyJson().extractingPath("$.openInvoices[0].balanceDueMinor")
			.isEqualTo((int) Invoicing.TOTAL);
		assertThat(overview).bodyJson().extractingPath("$.openInvoices[0].overdue").isEqualTo(false);
	}

	@Test
	void staffCannotUseThePortalAndClientsCannotUseTheBackOffice() {
		assertProblem(this.mvc.get()
			.uri("/portal/invoices")
			.header(HttpHeaders.AUTHORIZATION, this.workspaceA.backOffice.bearer())
			.exchange(), ProblemType.FORBIDDEN);
		assertProblem(this.workspaceA.clientGet("/api/invoices/" + this.open), ProblemType.FORBIDDEN);
		assertProblem(this.workspaceA.clientPost("/api/invoices/" + this.open + "/payments"), ProblemType.FORBIDDEN);
		assertProblem(this.workspaceA.clientGet("/api/payment-settings"), ProblemType.FORBIDDEN);
		assertProblem(this.mvc.get().uri("/portal/invoices").exchange(), ProblemType.UNAUTHORIZED);
	}

	private MvcTestResult get(String bearer, String uri) {
		return this.mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).exchange();
	}

	private MvcTestResult post(String bearer, String uri) {
		return this.mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).exchange();
	}
}
