package com.coastline.project.project;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import com.coastline.platform.web.problem.ProblemType;
import com.coastline.project.BackOffice;
import com.coastline.project.ProjectServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.platform.web.testing.ProblemAssertions.assertProblem;
import static com.coastline.platform.web.testing.ProblemAssertions.assertProblemNaming;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/contacts/{id}/activity}: what a client did across the projects it sees, from one query over
 * the timelines (real PostgreSQL): merged newest first, only that contact's entries (and the payments of its own
 * projects), only the kinds a client does, the limit; another workspace's contact is a 404.
 */
@ProjectServiceTest
class ContactActivityTest {

	private static final Instant DAY = Instant.parse("2026-11-20T09:00:00Z");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	BackOffice backOffice;

	UUID dana;

	UUID sam;

	UUID roof;

	UUID deck;

	UUID fence;

	@BeforeEach
	void givenDanaIsPrimaryOnTheRoofAndAddedToTheDeck() {
		this.backOffice = new BackOffice(this.mvc, UUID.randomUUID());
		this.dana = this.backOffice.createContact("Dana", "Reyes", "dana@example.com");
		this.sam = this.backOffice.createContact("Sam", "Ortiz", "sam@example.com");
		this.roof = this.backOffice.createProject("Roof", null, this.dana);
		this.deck = this.backOffice.createProject("Deck", null, this.sam);
		this.fence = this.backOffice.createProject("Fence", null, this.sam);
		assertThat(this.backOffice.post("/api/projects/" + this.deck + "/contacts/" + this.dana)).hasStatusOk();

		entry(this.roof, 1, ActivityKind.ESTIMATE_VIEWED, "contact:" + this.dana, "Dana viewed the roof estimate");
		entry(this.deck, 2, ActivityKind.CLIENT_SIGNED_IN, "contact:" + this.dana, "Dana signed in");
		entry(this.deck, 3, ActivityKind.ESTIMATE_APPROVED, "contact:" + this.dana, "Dana approved the deck");
		// a payment of Dana's own project counts whoever recorded it
		entry(this.roof, 4, ActivityKind.INVOICE_PAID, "service:payments", "Roof invoice paid in full");
		// what Dana did that is not client activity, what Sam did, a payment of a project Dana is only added to,
		// and an entry of a project Dana does not see
		entry(this.roof, 5, ActivityKind.PROJECT_STATUS_CHANGED, "contact:" + this.dana, "Status changed by Dana");
		entry(this.roof, 6, ActivityKind.ESTIMATE_VIEWED, "contact:" + this.sam, "Sam viewed the roof estimate");
		entry(this.deck, 7, ActivityKind.PAYMENT_RECEIVED, "staff:" + UUID.randomUUID(), "Deck payment");
		entry(this.fence, 8, ActivityKind.ESTIMATE_VIEWED, "contact:" + this.dana, "Dana viewed the fence");
	}

	@Test
	void theClientsEntriesOfBothProjectsAreMergedNewestFirst() {
		MvcTestResult result = this.backOffice.get(activity(this.dana));

		assertThat(result).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].summary")
			.asArray()
			.containsExactly("Roof invoice paid in full", "Dana approved the deck", "Dana signed in",
					"Dana viewed the roof estimate");
		assertThat(result).bodyJson()
			.extractingPath("$[*].kind")
			.asArray()
			.containsExactly("INVOICE_PAID", "ESTIMATE_APPROVED", "CLIENT_SIGNED_IN", "ESTIMATE_VIEWED");
		assertThat(result).bodyJson()
			.extractingPath("$[*].projectId")
			.asArray()
			.containsExactly(this.roof.toString(), this.deck.toString(), this.deck.toString(), this.roof.toString());
		assertThat(result).bodyJson()
			.extractingPath("$[*].projectName")
			.asArray()
			.containsExactly("Roof", "Deck", "Deck", "Roof");
		assertThat(result).bodyJson().extractingPath("$[0].occurredAt").isEqualTo("2026-11-20T13:00:00Z");
		assertThat(result).bodyJson().extractingPath("$[1].actor").isEqualTo("contact:" + this.dana);
	}

	@Test
	void anotherContactHasOnlyItsOwnOnTheProjectsItSees() {
		// Sam's view of the roof is left out: Sam does not see the roof (any more)
		assertThat(this.backOffice.get(activity(this.sam))).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].summary")
			.asArray()
			.containsExactly("Deck payment");
	}

	@Test
	void theLimitKeepsTheNewest() {
		assertThat(this.backOffice.get(activity(this.dana) + "?limit=2")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].summary")
			.asArray()
			.containsExactly("Roof invoice paid in full", "Dana approved the deck");
		assertThat(this.backOffice.get(activity(this.dana) + "?limit=100")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.length()")
			.isEqualTo(4);
	}

	@Test
	void aLimitOutsideOneToAHundredIsABadRequest() {
		assertProblemNaming(this.backOffice.get(activity(this.dana) + "?limit=0"), ProblemType.VALIDATION_FAILED,
				"limit");
		assertProblemNaming(this.backOffice.get(activity(this.dana) + "?limit=101"), ProblemType.VALIDATION_FAILED,
				"limit");
		assertThat(this.backOffice.get(activity(this.dana) + "?limit=many")).hasStatus(400);
	}

	@Test
	void aContactWithoutActivityHasNone() {
		UUID lee = this.backOffice.createContact("Lee", "Park", "lee@example.com");

		assertThat(this.backOffice.get(activity(lee))).hasStatusOk().bodyJson().isEqualTo("[]");
	}

	@Test
	void anotherWorkspacesContactIsNotFound() {
		BackOffice other = new BackOffice(this.mvc, UUID.randomUUID());

		assertProblem(other.get(activity(this.dana)), ProblemType.NOT_FOUND);
		assertProblem(this.backOffice.get(activity(UUID.randomUUID())), ProblemType.NOT_FOUND);
	}

	@Test
	void withoutATokenItIsUnauthorized() {
		assertProblem(this.mvc.get().uri(activity(this.dana)).exchange(), ProblemType.UNAUTHORIZED);
	}

	private static String activity(UUID contactId) {
		return "/api/contacts/" + contactId + "/activity";
	}

	/** An entry {@code hours} after 09:00 on 20 Nov 2026, as the features write them. */
	private void entry(UUID projectId, int hours, ActivityKind kind, String actor, String summary) {
		this.jdbc.update("""
				insert into project_activity (id, workspace_id, project_id, occurred_at, kind, actor, summary)
				values (?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), this.backOffice.workspace(), projectId,
				Timestamp.from(DAY.plusSeconds(3600L * hours)), kind.name(), actor, summary);
	}
}
