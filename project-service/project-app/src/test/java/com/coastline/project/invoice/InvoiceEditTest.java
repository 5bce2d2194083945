package com.coastline.project.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.coastline.platform.web.problem.ProblemType;
import com.coastline.project.BackOffice;
import com.coastline.project.ProjectServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.platform.web.testing.ProblemAssertions.assertInvalidFields;
import static com.coastline.platform.web.testing.ProblemAssertions.assertProblem;
import static com.coastline.project.BackOffice.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PUT /api/invoices/{id}}: a draft's lines, due date and notes change and its totals are recomputed,
 * publishing nothing; anything but a draft, a stale version or bad lines is refused and nothing changes.
 */
@ProjectServiceTest
class InvoiceEditTest {

	/** 3 × 200.00 + 10 % tax (60.00) = 660.00. */
	static final List<?> NEW_LINES = List.of(Invoicing.line("Roof inspection", "3", 20000, 1000));

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${coastline.payments.stripe.webhook-secret}")
	String webhookSecret;

	Invoicing invoicing;

	@BeforeEach
	void setUp() {
		this.invoicing = new Invoicing(this.mvc, this.webhookSecret);
	}

	@Test
	void editingADraftReplacesItsLinesRecomputesTheTotalsAndPublishesNothing() {
		UUID invoice = this.invoicing.draft();
		long version = ((Number) BackOffice.read(this.invoicing.read(invoice), "$.version")).longValue();

		MvcTestResult edited = edit(invoice, json("dueDate", LocalDate.of(2027, 1, 15), "notes", "  Net 30  ",
				"lineItems", NEW_LINES, "version", version));

		assertThat(edited).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("DRAFT");
		assertThat(edited).bodyJson().extractingPath("$.lineItems.length()").isEqualTo(1);
		assertThat(edited).bodyJson().extractingPath("$.lineItems[0].description").isEqualTo("Roof inspection");
		assertThat(edited).bodyJson().extractingPath("$.subtotalMinor").isEqualTo(60000);
		assertThat(edited).bodyJson().extractingPath("$.taxMinor").isEqualTo(6000);
		assertThat(edited).bodyJson().extractingPath("$.totalMinor").isEqualTo(66000);
		assertThat(edited).bodyJson().extractingPath("$.balanceDueMinor").isEqualTo(66000);
		assertThat(edited).bodyJson().extractingPath("$.dueDate").isEqualTo("2027-01-15");
		assertThat(edited).bodyJson().extractingPath("$.notes").isEqualTo("Net 30");
		assertThat(edited).bodyJson().extractingPath("$.title").isEqualTo("Gutter work");
		// as stored, not just as answered
		MvcTestResult read = this.invoicing.read(invoice);
		assertThat(read).bodyJson().extractingPath("$.totalMinor").isEqualTo(66000);
		assertThat(read).bodyJson().extractingPath("$.lineItems.length()").isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from invoice_line_item where invoice_id = ?",
				Integer.class, invoice)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?",
				Integer.class, "%" + invoice + "%")).isZero();
		// and it is issued with the new total
		assertThat(this.invoicing.issue(invoice)).hasStatusOk().bodyJson().extractingPath("$.totalMinor").isEqualTo(66000);
	}

	@Test
	void dueDateAndNotesLeftOutAreKeptAndBlankNotesAreRemoved() {
		UUID invoice = this.invoicing.draft(LocalDate.of(2026, 12, 31));

		MvcTestResult kept = edit(invoice, json("lineItems", NEW_LINES));
		assertThat(kept).hasStatusOk().bodyJson().extractingPath("$.dueDate").isEqualTo("2026-12-31");
		assertThat(kept).bodyJson().extractingPath("$.notes").isEqualTo("Thanks!");

		MvcTestResult removed = edit(invoice, json("notes", " ", "lineItems", Invoicing.LINES));
		assertThat(removed).hasStatusOk().bodyJson().extractingPath("$.notes").isNull();
		assertThat(removed).bodyJson().extractingPath("$.totalMinor").isEqualTo((int) Invoicing.TOTAL);
	}

	@Test
	void anIssuedOrVoidInvoiceIsNotEditedAndStaysAsItWas() {
		UUID open = this.invoicing.open();
		UUID voided = this.invoicing.draft();
		assertThat(this.invoicing.voidInvoice(voided)).hasStatusOk();

		MvcTestResult refused = edit(open, json("lineItems", NEW_LINES));
		assertProblem(refused, ProblemType.CONFLICT);
		assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains("only a draft invoice can be edited");
		assertThat(refused).bodyJson().extractingPath("$.currentStatus").isEqualTo("OPEN");
		assertProblem(edit(voided, json("lineItems", NEW_LINES)), ProblemType.CONFLICT);

		assertThat(this.invoicing.read(open)).bodyJson().extractingPath("$.totalMinor").isEqualTo((int) Invoicing.TOTAL);
		assertThat(this.invoicing.read(open)).bodyJson().extractingPath("$.lineItems.length()").isEqualTo(2);
		assertThat(this.invoicing.read(voided)).bodyJson().extractingPath("$.totalMinor").isEqualTo((int) Invoicing.TOTAL);
	}

	@Test
	void aStaleVersionIsRefusedAndChangesNothing() {
		UUID invoice = this.invoicing.draft();
		long version = ((Number) BackOffice.read(this.invoicing.read(invoice), "$.version")).longValue();
		assertThat(edit(invoice, json("lineItems", NEW_LINES, "version", version))).hasStatusOk();

		MvcTestResult stale = edit(invoice, json("lineItems", Invoicing.LINES, "version", version));

		assertProblem(stale, ProblemType.CONFLICT);
		assertThat(this.invoicing.read(invoice)).bodyJson().extractingPath("$.totalMinor").isEqualTo(66000);
	}

	@Test
	void badLinesAreRefusedNamingTheFieldAndChangeNothing() {
		UUID invoice = this.invoicing.draft();

		assertInvalidFields(edit(invoice, json("lineItems", List.of(Invoicing.line("", "0", -1, 10001)))),
				"lineItems[0].description", "lineItems[0].quantity", "lineItems[0].unitPriceMinor",
				"lineItems[0].taxRateBasisPoints");
		assertInvalidFields(edit(invoice, json("lineItems", List.of(Map.of("description", "Fractional cents",
				"quantity", 1, "unitPriceMinor", new BigDecimal("19.99"), "taxRateBasisPoints", 0)))),
				"lineItems[0].unitPriceMinor");
		assertInvalidFields(edit(invoice, json("notes", "Net 30")), "lineItems");
		assertProblem(this.invoicing.backOffice.put("/api/invoices/" + invoice, "{not json"), ProblemType.BAD_REQUEST);

		MvcTestResult read = this.invoicing.read(invoice);
		assertThat(read).bodyJson().extractingPath("$.totalMinor").isEqualTo((int) Invoicing.TOTAL);
		assertThat(read).bodyJson().extractingPath("$.notes").isEqualTo("Thanks!");
	}

	@Test
	void anotherWorkspacesInvoiceIsNotFoundAndAnAnonymousCallIsUnauthorized() {
		UUID invoice = this.invoicing.draft();
		BackOffice other = new BackOffice(this.mvc, UUID.randomUUID());

		assertProblem(other.put("/api/invoices/" + invoice, json("lineItems", NEW_LINES)), ProblemType.NOT_FOUND);
		assertProblem(edit(UUID.randomUUID(), json("lineItems", NEW_LINES)), ProblemType.NOT_FOUND);
		assertProblem(this.mvc.put()
			.uri("/api/invoices/" + invoice)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("lineItems", NEW_LINES))
			.exchange(), ProblemType.UNAUTHORIZED);

		assertThat(this.invoicing.read(invoice)).bodyJson().extractingPath("$.totalMinor").isEqualTo((int) Invoicing.TOTAL);
	}

	private MvcTestResult edit(UUID invoice, String body) {
		return this.invoicing.backOffice.put("/api/invoices/" + invoice, body);
	}
}
