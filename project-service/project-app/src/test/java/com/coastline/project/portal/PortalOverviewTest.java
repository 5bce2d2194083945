package com.coastline.project.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.coastline.platform.test.jpa.Statements;
import com.coastline.project.BackOffice;
import com.coastline.project.PortalClient;
import com.coastline.project.ProjectServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.project.BackOffice.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The portal home in one call: the client's projects, upcoming visits, and what changed since the last visit. */
@ProjectServiceTest
class PortalOverviewTest {

	@Autowired
	MockMvcTester mvc;

	BackOffice backOffice;

	UUID dana;

	UUID roof;

	UUID deck;

	@BeforeEach
	void givenDanaSeesTwoProjects() {
		this.backOffice = new BackOffice(this.mvc, UUID.randomUUID());
		this.dana = this.backOffice.createContact("Dana", "Reyes", "dana@example.com");
		UUID sam = this.backOffice.createContact("Sam", "Ortiz", "sam@example.com");
		this.roof = this.backOffice.createProject("Roof", null, this.dana);
		this.deck = this.backOffice.createProject("Deck", "3 Oak Ave", sam);
		this.backOffice.createProject("Fence", null, sam);
		assertThat(this.backOffice.post("/api/projects/" + this.deck + "/contacts/" + this.dana)).hasStatusOk();
	}

	@Test
	void theOverviewHasTheClientsProjectsUpcomingVisitsAndChangesSinceTheLastVisit() throws Exception {
		// given Dana's last visit, then changes
		Instant lastVisit = Instant.now();
		Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		assertThat(this.backOffice.post("/api/projects/" + this.roof + "/approve")).hasStatusOk();
		assertThat(this.backOffice.post("/api/projects/" + this.roof + "/start")).hasStatusOk();
		MvcTestResult visit = this.backOffice.post("/api/projects/" + this.deck + "/appointments", json("startsAt",
				start, "endsAt", start.plus(2, ChronoUnit.HOURS), "timeZone", "America/Denver", "notes", "Gate 4711"));
		assertThat(visit).hasStatus(201);

		// when
		MvcTestResult overview = portal().get("/portal/overview?since=" + lastVisit);

		// then
		assertThat(overview).hasStatusOk()
			.bodyJson()
			.extractingPath("$.projects[*].id")
			.asArray()
			.containsExactly(this.roof.toString(), this.deck.toString());
		assertThat(overview).bodyJson().extractingPath("$.projects[0].status").isEqualTo("IN_PROGRESS");
		assertThat(overview).bodyJson().extractingPath("$.projects[0].changesSince").isEqualTo(2);
		assertThat(overview).bodyJson().extractingPath("$.projects[1].changesSince").isEqualTo(1);
		assertThat(overview).bodyJson().extractingPath("$.changesSince").isEqualTo(3);
		assertThat(overview).bodyJson()
			.extractingPath("$.upcomingAppointments[*].id")
			.asArray()
			.containsExactly(BackOffice.id(visit).toString());
		assertThat(overview).bodyJson().extractingPath("$.estimatesAwaitingApproval").asArray().isEmpty();
		assertThat(overview).bodyJson().extractingPath("$.openInvoices").asArray().isEmpty();
		assertThat(overview.getResponse().getContentAsString()).doesNotContain("Gate 4711", "Fence");
	}

	@Test
	void withoutSinceEverythingTheClientSeesCounts() {
		MvcTestResult overview = portal().get("/portal/overview");

		// the creation of each project; adding Dana to the deck is not shown to clients
		assertThat(overview).hasStatusOk().bodyJson().extractingPath("$.changesSince").isEqualTo(2);
		assertThat(overview).bodyJson().extractingPath("$.upcomingAppointments").asArray().isEmpty();
	}

	@Test
	void aContactWithoutProjectsGetsAnEmptyOverview() {
		UUID lee = this.backOffice.createContact("Lee", "Park", "lee@example.com");

		MvcTestResult overview = new PortalClient(this.mvc, this.backOffice.workspace(), lee).get("/portal/overview");

		assertThat(overview).hasStatusOk().bodyJson().extractingPath("$.projects").asArray().isEmpty();
		assertThat(overview).bodyJson().extractingPath("$.changesSince").isEqualTo(0);
		assertThat(overview).bodyJson().extractingPath("$.client.firstName").isEqualTo("Lee");
	}

	/**
	 * The overview's reads are plain SQL that name the workspace themselves (not Hibernate's tenant filter): a token of
	 * another workspace carrying Dana's contact id must find nothing of hers, not even her name.
	 */
	@Test
	void aClientOfAnotherWorkspaceWithTheSameContactIdGetsAnEmptyOverview() throws Exception {
		// given Dana has something of every kind the overview shows
		sentEstimate(this.roof, "Roof replacement");
		openInvoice(this.roof);
		Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		assertThat(this.backOffice.post("/api/projects/" + this.roof + "/appointments",
				json("startsAt", start, "endsAt", start.plus(2, ChronoUnit.HOURS), "timeZone", "America/Denver")))
			.hasStatus(201);
		MvcTestResult hers = portal().get("/portal/overview");
		assertThat(hers).bodyJson().extractingPath("$.upcomingAppointments").asArray().hasSize(1);
		assertThat(hers).bodyJson().extractingPath("$.openInvoices").asArray().hasSize(1);

		// when
		MvcTestResult overview = new PortalClient(this.mvc, UUID.randomUUID(), this.dana).get("/portal/overview");

		// then
		assertThat(overview).hasStatusOk().bodyJson().extractingPath("$.projects").asArray().isEmpty();
		assertThat(overview).bodyJson().extractingPath("$.upcomingAppointments").asArray().isEmpty();
		assertThat(overview).bodyJson().extractingPath("$.estimatesAwaitingApproval").asArray().isEmpty();
		assertThat(overview).bodyJson().extractingPath("$.openInvoices").asArray().isEmpty();
		assertThat(overview).bodyJson().extractingPath("$.changesSince").isEqualTo(0);
		assertThat(overview.getResponse().getContentAsString()).doesNotContain("Dana", "Roof", this.roof.toString());
	}

	@Test
	void theOverviewGreetsTheSignedInContactByName() throws Exception {
		MvcTestResult overview = portal().get("/portal/overview");

		assertThat(overview).hasStatusOk().bodyJson().extractingPath("$.client.firstName").isEqualTo("Dana");
		assertThat(overview).bodyJson().extractingPath("$.client.lastName").isEqualTo("Reyes");
		assertThat(overview.getResponse().getContentAsString()).doesNotContain("Sam", "Ortiz");
	}

	@Test
	void estimatesSentToTheClientAwaitTheirAnswerButDraftsAreNotShown() {
		// given
		UUID sent = draftEstimate(this.roof, "Roof replacement");
		assertThat(this.backOffice.post("/api/estimates/" + sent + "/send")).hasStatusOk();
		draftEstimate(this.deck, "Deck stain");

		// when
		MvcTestResult overview = portal().get("/portal/overview");

		// then
		assertThat(overview).hasStatusOk()
			.bodyJson()
			.extractingPath("$.estimatesAwaitingApproval[*].id")
			.asArray()
			.containsExactly(sent.toString());
		assertThat(overview).bodyJson().extractingPath("$.estimatesAwaitingApproval[0].title").isEqualTo("Roof replacement");
		assertThat(overview).bodyJson().extractingPath("$.estimatesAwaitingApproval[0].totalMinor").isEqualTo(25000);
		assertThat(overview).bodyJson().extractingPath("$.estimatesAwaitingApproval[0].currency").isEqualTo("USD");
	}

	/**
	 * The home page is the portal's busiest request: its statements must not grow with what the client has (one
	 * more query per estimate, version or invoice would make a client with a long history slow for everyone).
	 */
	@Test
	void theOverviewTakesTheSameStatementsHoweverManyEstimatesAndInvoicesTheClientHas() {
		sentEstimate(this.roof, "Roof replacement");
		openInvoice(this.roof);
		Statements.Recorded<MvcTestResult> few = Statements.during(() -> portal().get("/portal/overview"));
		for (int i = 0; i < 3; i++) {
			sentEstimate(this.roof, "Roof option " + i);
			sentEstimate(this.deck, "Deck option " + i);
			openInvoice(this.deck);
		}

		Statements.Recorded<MvcTestResult> many = Statements.during(() -> portal().get("/portal/overview"));

		assertThat(few.result()).bodyJson().extractingPath("$.estimatesAwaitingApproval").asArray().hasSize(1);
		assertThat(many.result()).bodyJson().extractingPath("$.estimatesAwaitingApproval").asArray().hasSize(7);
		assertThat(many.result()).bodyJson().extractingPath("$.openInvoices").asArray().hasSize(4);
		assertThat(many.statements()).as("with 7 estimates and 4 invoices, against %s", few.statements())
			.hasSameSizeAs(few.statements());
		assertThat(few.statements()).as("one statement per kind of record: projects (with their added contacts), changes, "
				+ "visits, estimates, their versions, invoices, the contact").hasSizeLessThanOrEqualTo(8);
	}

	private UUID draftEstimate(UUID project, String title) {
		MvcTestResult created = this.backOffice.post("/api/projects/" + project + "/estimates",
				json("currency", "USD", "title", title, "validUntil", LocalDate.now().plusMonths(1), "lineItems",
						List.of(Map.of("description", "Labour", "quantity", 1, "unitPriceMinor", 25000,
								"taxRateBasisPoints", 0))));
		assertThat(created).hasStatus(201);
		return BackOffice.id(created);
	}

	private void sentEstimate(UUID project, String title) {
		assertThat(this.backOffice.post("/api/estimates/" + draftEstimate(project, title) + "/send")).hasStatusOk();
	}

	private void openInvoice(UUID project) {
		MvcTestResult created = this.backOffice.post("/api/projects/" + project + "/invoices",
				json("currency", "USD", "title", "Deposit", "dueDate", LocalDate.now().plusMonths(1), "lineItems",
						List.of(Map.of("description", "Deposit", "quantity", 1, "unitPriceMinor", 50000,
								"taxRateBasisPoints", 0))));
		assertThat(created).hasStatus(201);
		assertThat(this.backOffice.post("/api/invoices/" + BackOffice.id(created) + "/issue")).hasStatusOk();
	}

	private PortalClient portal() {
		return new PortalClient(this.mvc, this.backOffice.workspace(), this.dana);
	}
}
