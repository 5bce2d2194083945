package com.coastline.project.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

	private UUID draftEstimate(UUID project, String title) {
		MvcTestResult created = this.backOffice.post("/api/projects/" + project + "/estimates",
				json("currency", "USD", "title", title, "validUntil", LocalDate.now().plusMonths(1), "lineItems",
						List.of(Map.of("description", "Labour", "quantity", 1, "unitPriceMinor", 25000,
								"taxRateBasisPoints", 0))));
		assertThat(created).hasStatus(201);
		return BackOffice.id(created);
	}

	private PortalClient portal() {
		return new PortalClient(this.mvc, this.backOffice.workspace(), this.dana);
	}
}
