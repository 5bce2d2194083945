package com.coastline.project.project;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.coastline.platform.web.problem.ProblemType;
import com.coastline.project.BackOffice;
import com.coastline.project.ProjectServiceTest;
import com.coastline.project.PublishedEvents;
import com.coastline.project.api.ProjectApproved;
import com.coastline.project.api.ProjectTopics;
import com.coastline.project.api.ProjectUpserted;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.platform.web.testing.ProblemAssertions.assertProblem;
import static com.coastline.platform.web.testing.ProblemAssertions.assertProblemNaming;
import static com.coastline.project.BackOffice.json;
import static com.coastline.project.PublishedEvents.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LEAD → ESTIMATING → APPROVED → IN_PROGRESS → COMPLETED, or CANCELLED from any open status: every legal
 * move and every illegal one, from every status.
 */
@ProjectServiceTest
class ProjectLifecycleTest {

	/** The legal moves that bring a new lead to each status. */
	private static final Map<String, List<String>> PATH_TO = Map.of("LEAD", List.of(), "ESTIMATING",
			List.of("start-estimating"), "APPROVED", List.of("approve"), "IN_PROGRESS", List.of("approve", "start"),
			"COMPLETED", List.of("approve", "start", "complete"), "CANCELLED", List.of("cancel"));

	private static final List<String> MOVES = List.of("start-estimating", "approve", "start", "complete", "cancel");

	/** from, move → to; every other pair is illegal. */
	private static final Map<String, String> LEGAL = Map.of("LEAD start-estimating", "ESTIMATING", "LEAD approve",
			"APPROVED", "ESTIMATING approve", "APPROVED", "APPROVED start", "IN_PROGRESS", "IN_PROGRESS complete",
			"COMPLETED", "LEAD cancel", "CANCELLED", "ESTIMATING cancel", "CANCELLED", "APPROVED cancel", "CANCELLED",
			"IN_PROGRESS cancel", "CANCELLED");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	BackOffice backOffice;

	PublishedEvents events;

	@BeforeEach
	void setUp() {
		this.backOffice = new BackOffice(this.mvc, UUID.randomUUID());
		this.events = new PublishedEvents(this.bootstrapServers, this.jdbc);
	}

	static List<Arguments> legalMoves() {
		return LEGAL.entrySet().stream().map(move -> {
			String[] fromAndMove = move.getKey().split(" ");
			return Arguments.of(fromAndMove[0], fromAndMove[1], move.getValue());
		}).toList();
	}

	static List<Arguments> illegalMoves() {
		return PATH_TO.keySet()
			.stream()
			.flatMap(from -> MOVES.stream().filter(move -> !LEGAL.containsKey(from + " " + move))
				.map(move -> Arguments.of(from, move)))
			.toList();
	}

	@Test
	void everyStatusHasItsLegalAndIllegalMovesCovered() {
		assertThat(legalMoves().size() + illegalMoves().size()).isEqualTo(PATH_TO.size() * MOVES.size());
		assertThat(illegalMoves()).hasSize(21);
	}

	@ParameterizedTest(name = "{0} --{1}--> {2}")
	@MethodSource("legalMoves")
	void aLegalMoveChangesTheStatusPublishesTheProjectAndRecordsItOnTheTimeline(String from, String move, String to) {
		// given
		UUID project = projectIn(from);
		int version = BackOffice.read(this.backOffice.get("/api/projects/" + project), "$.version");
		int upserts = this.events.recorded(ProjectUpserted.class, project);

		// when
		MvcTestResult moved = this.backOffice.post("/api/projects/" + project + "/" + move);

		// then
		assertThat(moved).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo(to);
		assertThat(moved).bodyJson().extractingPath("$.version").isEqualTo(version + 1);
		assertThat(this.events.recorded(ProjectUpserted.class, project)).isEqualTo(upserts + 1);
		assertThat(this.backOffice.get("/api/projects/" + project + "/timeline")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[0].kind")
			.isEqualTo("PROJECT_STATUS_CHANGED");
	}

	@ParameterizedTest(name = "{0} --{1}--> 409")
	@MethodSource("illegalMoves")
	void anIllegalMoveIsAConflictNamingTheCurrentStateAndChangesNothing(String from, String move) {
		// given
		UUID project = projectIn(from);
		int version = BackOffice.read(this.backOffice.get("/api/projects/" + project), "$.version");
		int upserts = this.events.recorded(ProjectUpserted.class, project);
		int approvals = this.events.recorded(ProjectApproved.class, project);
		int entries = BackOffice.read(this.backOffice.get("/api/projects/" + project + "/timeline"), "$.length()");

		// when
		MvcTestResult moved = this.backOffice.post("/api/projects/" + project + "/" + move);

		// then
		assertProblem(moved, ProblemType.CONFLICT);
		assertThat(moved).bodyJson().extractingPath("$.currentState").isEqualTo(from);
		MvcTestResult after = this.backOffice.get("/api/projects/" + project);
		assertThat(after).bodyJson().extractingPath("$.status").isEqualTo(from);
		assertThat(after).bodyJson().extractingPath("$.version").isEqualTo(version);
		assertThat(this.events.recorded(ProjectUpserted.class, project)).isEqualTo(upserts);
		assertThat(this.events.recorded(ProjectApproved.class, project)).isEqualTo(approvals);
		assertThat(this.backOffice.get("/api/projects/" + project + "/timeline")).bodyJson()
			.extractingPath("$.length()")
			.isEqualTo(entries);
	}

	@Test
	void approvingAProjectBeingEstimatedPublishesProjectApprovedOnce() {
		// given
		UUID project = projectIn("ESTIMATING");

		// when
		MvcTestResult approved = this.backOffice.post("/api/projects/" + project + "/approve");
		MvcTestResult again = this.backOffice.post("/api/projects/" + project + "/approve");

		// then
		assertThat(approved).hasStatusOk().bodyJson().extractingPath("$.approvedAt").isNotNull();
		assertProblem(again, ProblemType.CONFLICT);
		assertThat(this.events.recorded(ProjectApproved.class, project)).isEqualTo(1);
		ProjectApproved event = assertConforms(this.events.await(ProjectTopics.PROJECT_APPROVED, project, 1).get(0),
				ProjectApproved.class);
		assertThat(event.version()).isEqualTo(3);
	}

	@Test
	void everyChangePublishesTheWholeProjectWithItsVersion() {
		// given
		UUID dana = this.backOffice.createContact("Dana", "Reyes", "dana@example.com");
		UUID sam = this.backOffice.createContact("Sam", "Reyes", "sam@example.com");
		UUID project = this.backOffice.createProject("Roof", null, dana);

		// when
		assertThat(this.backOffice.put("/api/projects/" + project,
				json("name", "Roof replacement", "address", "12 Pine St, Boulder CO"))).hasStatusOk();
		assertThat(this.backOffice.post("/api/projects/" + project + "/contacts/" + sam)).hasStatusOk();
		assertThat(this.backOffice.post("/api/projects/" + project + "/start-estimating")).hasStatusOk();

		// then
		List<ConsumerRecord<String, String>> records = this.events.await(ProjectTopics.PROJECT_UPSERTED, project, 4);
		// The outbox does not promise their order on the topic (consumers skip stale versions): read them by version.
		List<ProjectUpserted> upserts = records.stream()
			.map(r -> assertConforms(r, ProjectUpserted.class))
			.sorted(Comparator.comparingLong(ProjectUpserted::version))
			.toList();
		assertThat(records).allSatisfy(record -> assertThat(record.key()).isEqualTo(project.toString()));
		assertThat(upserts).extracting(ProjectUpserted::version).containsExactly(1L, 2L, 3L, 4L);
		assertThat(upserts).extracting(ProjectUpserted::status)
			.containsExactly("LEAD", "LEAD", "LEAD", "ESTIMATING");
		ProjectUpserted latest = upserts.get(3);
		assertThat(latest.workspaceId()).isEqualTo(this.backOffice.workspace());
		assertThat(latest.name()).isEqualTo("Roof replacement");
		assertThat(latest.address()).isEqualTo("12 Pine St, Boulder CO");
		assertThat(latest.primaryContactId()).isEqualTo(dana);
		assertThat(latest.addedContactIds()).containsExactly(sam);
	}

	@Test
	void unchangedDetailsKeepTheVersionAndPublishNothing() {
		UUID contact = this.backOffice.createContact("Dana", "Reyes", "dana@example.com");
		UUID project = this.backOffice.createProject("Roof", "12 Pine St", contact);

		MvcTestResult updated = this.backOffice.put("/api/projects/" + project,
				json("name", " Roof ", "address", "12 Pine St"));

		assertThat(updated).hasStatusOk().bodyJson().extractingPath("$.version").isEqualTo(1);
		assertThat(this.events.recorded(ProjectUpserted.class, project)).isEqualTo(1);
	}

	@ParameterizedTest
	@CsvSource({ "COMPLETED", "CANCELLED" })
	void aClosedProjectsDetailsAndContactsNoLongerChange(String closed) {
		// given
		UUID project = projectIn(closed);
		UUID other = this.backOffice.createContact("Sam", "Reyes", "sam." + UUID.randomUUID() + "@example.com");
		int upserts = this.events.recorded(ProjectUpserted.class, project);

		// when
		List<MvcTestResult> changes = List.of(
				this.backOffice.put("/api/projects/" + project, json("name", "Deck", "address", null)),
				this.backOffice.put("/api/projects/" + project + "/primary-contact", json("primaryContactId", other)),
				this.backOffice.post("/api/projects/" + project + "/contacts/" + other));

		// then
		assertThat(changes).allSatisfy(change -> {
			assertProblem(change, ProblemType.CONFLICT);
			assertThat(change).bodyJson().extractingPath("$.currentState").isEqualTo(closed);
		});
		assertThat(this.events.recorded(ProjectUpserted.class, project)).isEqualTo(upserts);
	}

	@Test
	void newDetailsAreValidatedLikeANewProject() {
		UUID project = this.backOffice.createLeadWithContact();

		MvcTestResult updated = this.backOffice.put("/api/projects/" + project,
				json("name", " ", "address", "Line 1\nLine 2"));

		assertProblemNaming(updated, ProblemType.VALIDATION_FAILED, "name", "address");
	}

	/** A new lead (with its own contact) moved to the status by legal moves. */
	private UUID projectIn(String status) {
		UUID project = this.backOffice.createLeadWithContact();
		for (String move : PATH_TO.get(status)) {
			assertThat(this.backOffice.post("/api/projects/" + project + "/" + move)).hasStatusOk();
		}
		return project;
	}
}
