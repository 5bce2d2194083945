package com.coastline.project.estimate;

import java.util.List;
import java.util.UUID;

import com.coastline.platform.test.security.TestTokens;
import com.coastline.platform.web.problem.ProblemType;
import com.coastline.project.BackOffice;
import com.coastline.project.ProjectServiceTest;
import com.coastline.project.PublishedEvents;
import com.coastline.project.api.EstimateApproved;
import com.coastline.project.api.EstimateSent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.platform.web.testing.ProblemAssertions.assertProblem;
import static com.coastline.project.BackOffice.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another workspace's staff, another contact, a client of another workspace and a guesser see nothing of
 * an estimate and change nothing: every endpoint answers 404, lists show nothing.
 */
@ProjectServiceTest
class EstimateTenantIsolationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	Estimating workspaceA;

	PublishedEvents events;

	UUID approved;

	UUID sent;

	UUID draft;

	@BeforeEach
	void givenEstimatesOfWorkspaceA() {
		this.workspaceA = new Estimating(this.mvc);
		this.events = new PublishedEvents(this.bootstrapServers, this.jdbc);
		this.approved = this.workspaceA.sent();
		assertThat(this.workspaceA.approve(this.approved, 1)).hasStatusOk();
		this.sent = this.workspaceA.sent();
		this.draft = this.workspaceA.draft();
	}

	@Test
	void anotherWorkspacesStaffCannotReadOrChangeTheEstimates() {
		BackOffice workspaceB = new Estimating(this.mvc).backOffice;

		for (UUID estimate : List.of(this.approved, this.sent, this.draft)) {
			assertProblem(workspaceB.get("/api/estimates/" + estimate), ProblemType.NOT_FOUND);
			assertProblem(workspaceB.put("/api/estimates/" + estimate, Estimating.content("Taken over", null,
					Estimating.LINES)), ProblemType.NOT_FOUND);
			assertProblem(workspaceB.post("/api/estimates/" + estimate + "/send"), ProblemType.NOT_FOUND);
			assertProblem(workspaceB.get("/api/estimates/" + estimate + "/versions/1/evidence"), ProblemType.NOT_FOUND);
			assertProblem(workspaceB.get("/api/estimates/" + estimate + "/versions/1/evidence.pdf"),
					ProblemType.NOT_FOUND);
			assertProblem(workspaceB.get("/api/estimates/" + estimate + "/versions/1/evidence/verification"),
					ProblemType.NOT_FOUND);
		}
		assertProblem(workspaceB.get("/api/projects/" + this.workspaceA.project + "/estimates"), ProblemType.NOT_FOUND);
		assertProblem(workspaceB.post("/api/projects/" + this.workspaceA.project + "/estimates",
				json("currency", "USD", "title", "Planted", "lineItems", Estimating.LINES)), ProblemType.NOT_FOUND);

		assertThat(this.workspaceA.status(this.draft)).isEqualTo("DRAFT");
		assertThat(this.workspaceA.read(this.sent)).bodyJson().extractingPath("$.versions.length()").isEqualTo(1);
		assertThat(this.events.recorded(EstimateSent.class, this.draft)).isZero();
		assertThat(this.workspaceA.backOffice.get("/api/projects/" + this.workspaceA.project + "/estimates"))
			.bodyJson()
			.extractingPath("$.length()")
			.isEqualTo(3);
	}

	@Test
	void anotherContactOfTheWorkspaceSeesNoneOfTheEstimatesAndCannotAnswerThem() {
		UUID otherContact = this.workspaceA.backOffice.createContact("Sam", "Lee", "sam." + UUID.randomUUID() + "@example.com");
		UUID otherProject = this.workspaceA.backOffice.createProject("Deck", null, otherContact);
		String other = TestTokens.client(this.workspaceA.backOffice.workspace(), otherContact).bearer();

		assertThatTheClientSeesNothing(other);
		assertProblem(this.workspaceA.clientGet(other, "/portal/projects/" + this.workspaceA.project + "/estimates"),
				ProblemType.NOT_FOUND);
		assertThat(this.workspaceA.clientGet(other, "/portal/projects/" + otherProject + "/estimates")).hasStatusOk()
			.bodyJson()
			.isEqualTo("[]");
	}

	@Test
	void aClientOfAnotherWorkspaceSeesNothingEvenWithTheSameContactId() {
		String foreign = TestTokens.client(UUID.randomUUID(), this.workspaceA.contact).bearer();

		assertThatTheClientSeesNothing(foreign);
		assertProblem(this.workspaceA.clientGet(foreign, "/portal/projects/" + this.workspaceA.project + "/estimates"),
				ProblemType.NOT_FOUND);
	}

	@Test
	void theClientSeesTheirSentEstimatesButNeverADraft() {
		assertThat(this.workspaceA.clientGet("/portal/estimates")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].id")
			.asArray()
			.containsExactly(this.approved.toString(), this.sent.toString());
		assertThat(this.workspaceA.clientGet("/portal/projects/" + this.workspaceA.project + "/estimates"))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].id")
			.asArray()
			.containsExactly(this.approved.toString(), this.sent.toString());

		assertProblem(this.workspaceA.clientGet("/portal/estimates/" + this.draft), ProblemType.NOT_FOUND);
		assertProblem(this.workspaceA.approve(this.draft, 1), ProblemType.NOT_FOUND);
		assertProblem(this.workspaceA.decline(this.draft, 1), ProblemType.NOT_FOUND);
		assertProblem(this.workspaceA.requestChanges(this.draft, 1), ProblemType.NOT_FOUND);
		assertThat(this.workspaceA.status(this.draft)).isEqualTo("DRAFT");
	}

	@Test
	void guessedIdsAreNotFoundEverywhere() {
		UUID guessed = UUID.randomUUID();
		BackOffice backOffice = this.workspaceA.backOffice;

		assertProblem(backOffice.get("/api/estimates/" + guessed), ProblemType.NOT_FOUND);
		assertProblem(backOffice.post("/api/estimates/" + guessed + "/send"), ProblemType.NOT_FOUND);
		assertProblem(backOffice.get("/api/estimates/" + guessed + "/versions/1/evidence.pdf"), ProblemType.NOT_FOUND);
		assertProblem(this.workspaceA.clientGet("/portal/estimates/" + guessed), ProblemType.NOT_FOUND);
		assertProblem(this.workspaceA.approve(guessed, 1), ProblemType.NOT_FOUND);
		assertProblem(this.workspaceA.clientGet("/portal/estimates/" + guessed + "/versions/1/evidence.pdf"),
				ProblemType.NOT_FOUND);
		assertProblem(this.workspaceA.clientGet("/portal/projects/" + guessed + "/estimates"), ProblemType.NOT_FOUND);
	}

	@Test
	void staffCannotAnswerForTheClientAndClientsCannotUseTheBackOffice() {
		String staff = this.workspaceA.backOffice.bearer();

		MvcTestResult staffApproval = this.workspaceA.clientPost(staff, "/portal/estimates/" + this.sent + "/approve",
				Estimating.approval(1, "Office Manager"));

		assertProblem(staffApproval, ProblemType.FORBIDDEN);
		assertProblem(this.workspaceA.clientGet("/api/estimates/" + this.sent), ProblemType.FORBIDDEN);
		assertThat(this.workspaceA.status(this.sent)).isEqualTo("SENT");
		assertThat(this.events.recorded(EstimateApproved.class, this.sent)).isZero();
	}

	private void assertThatTheClientSeesNothing(String bearer) {
		assertThat(this.workspaceA.clientGet(bearer, "/portal/estimates")).hasStatusOk().bodyJson().isEqualTo("[]");
		for (UUID estimate : List.of(this.approved, this.sent, this.draft)) {
			assertProblem(this.workspaceA.clientGet(bearer, "/portal/estimates/" + estimate), ProblemType.NOT_FOUND);
			assertProblem(this.workspaceA.clientPost(bearer, "/portal/estimates/" + estimate + "/approve",
					Estimating.approval(1, "Mallory")), ProblemType.NOT_FOUND);
			assertProblem(this.workspaceA.clientPost(bearer, "/portal/estimates/" + estimate + "/decline",
					json("version", 1)), ProblemType.NOT_FOUND);
			assertProblem(this.workspaceA.clientPost(bearer, "/portal/estimates/" + estimate + "/request-changes",
					json("version", 1, "message", "Cheaper")), ProblemType.NOT_FOUND);
			assertProblem(this.workspaceA.clientGet(bearer, "/portal/estimates/" + estimate + "/versions/1/evidence.pdf"),
					ProblemType.NOT_FOUND);
		}
		assertThat(this.workspaceA.status(this.sent)).isEqualTo("SENT");
		assertThat(this.events.recorded(EstimateApproved.class, this.sent)).isZero();
	}
}
