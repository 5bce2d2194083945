package com.coastline.project.estimate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.coastline.platform.web.problem.ProblemType;
import com.coastline.project.BackOffice;
import com.coastline.project.ProjectServiceTest;
import com.coastline.project.PublishedEvents;
import com.coastline.project.api.EstimateSent;
import com.coastline.project.api.ProjectUpserted;
import com.coastline.project.api.ProjectTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.platform.test.kafka.TopicRecords.header;
import static com.coastline.platform.web.testing.ProblemAssertions.assertProblem;
import static com.coastline.platform.web.testing.ProblemAssertions.assertProblemNaming;
import static com.coastline.project.BackOffice.json;
import static com.coastline.project.PublishedEvents.assertConforms;
import static com.coastline.project.estimate.Estimating.LINES;
import static com.coastline.project.estimate.Estimating.line;
import static org.assertj.core.api.Assertions.assertThat;

/** The contractor's side: drafts, edits, versions and sending, with every move the state refuses. */
@ProjectServiceTest
class EstimateLifecycleTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	Estimating estimating;

	PublishedEvents events;

	@BeforeEach
	void setUp() {
		this.estimating = new Estimating(this.mvc);
		this.events = new PublishedEvents(this.bootstrapServers, this.jdbc);
	}

	@Test
	void aNewEstimateIsADraftWhoseLinesAreRoundedHalfUpOneByOne() {
		MvcTestResult created = this.estimating.createDraft(json("currency", "USD", "title", "Roof replacement",
				"validUntil", LocalDate.of(2099, 1, 31), "lineItems", LINES));

		assertThat(created).hasStatus(201);
		UUID estimate = BackOffice.id(created);
		assertThat(created.getResponse().getHeader("Location")).endsWith("/api/estimates/" + estimate);
		assertThat(created).bodyJson().extractingPath("$.status").isEqualTo("DRAFT");
		assertThat(created).bodyJson().extractingPath("$.currency").isEqualTo("USD");
		assertThat(created).bodyJson().extractingPath("$.projectId").isEqualTo(this.estimating.project.toString());
		assertThat(created).bodyJson().extractingPath("$.currentVersion").isEqualTo(1);
		assertThat(created).bodyJson().extractingPath("$.versions[0].lineItems[0].netMinor").isEqualTo(500);
		assertThat(created).bodyJson().extractingPath("$.versions[0].lineItems[0].taxMinor").isEqualTo(41);
		assertThat(created).bodyJson().extractingPath("$.versions[0].lineItems[0].totalMinor").isEqualTo(541);
		assertThat(created).bodyJson().extractingPath("$.versions[0].lineItems[0].quantity").isEqualTo(1.5);
		assertThat(created).bodyJson().extractingPath("$.versions[0].lineItems[2].netMinor").isEqualTo(1);
		assertThat(created).bodyJson().extractingPath("$.versions[0].lineItems[2].taxMinor").isEqualTo(0);
		assertThat(created).bodyJson().extractingPath("$.versions[0].subtotalMinor").isEqualTo(6498);
		assertThat(created).bodyJson().extractingPath("$.versions[0].taxMinor").isEqualTo(41);
		assertThat(created).bodyJson().extractingPath("$.versions[0].totalMinor").isEqualTo(6539);
		assertThat(created).bodyJson().extractingPath("$.versions[0].validUntil").isEqualTo("2099-01-31");
		assertThat(this.estimating.backOffice.get("/api/projects/" + this.estimating.project + "/estimates"))
			.bodyJson()
			.extractingPath("$[*].id")
			.asArray()
			.containsExactly(estimate.toString());
	}

	@Test
	void editingADraftChangesItInPlace() {
		UUID estimate = this.estimating.draft();

		MvcTestResult edited = this.estimating.backOffice.put("/api/estimates/" + estimate, Estimating
			.content("Roof and gutters", null, List.of(line("Gutters", "12", 1500, 0), line("Downspouts", "2", 4000, 0))));

		assertThat(edited).hasStatusOk().bodyJson().extractingPath("$.currentVersion").isEqualTo(1);
		assertThat(edited).bodyJson().extractingPath("$.versions.length()").isEqualTo(1);
		assertThat(edited).bodyJson().extractingPath("$.versions[0].title").isEqualTo("Roof and gutters");
		assertThat(edited).bodyJson().extractingPath("$.versions[0].lineItems[*].description").asArray()
			.containsExactly("Gutters", "Downspouts");
		assertThat(edited).bodyJson().extractingPath("$.versions[0].totalMinor").isEqualTo(26000);
		assertThat(edited).bodyJson().extractingPath("$.versions[0].validUntil").isNull();
		assertThat(this.estimating.status(estimate)).isEqualTo("DRAFT");
	}

	@Test
	void sendingPublishesEstimateSentForTheProjectsClient() {
		UUID estimate = this.estimating.draft();

		MvcTestResult sent = this.estimating.send(estimate);

		assertThat(sent).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("SENT");
		assertThat(sent).bodyJson().extractingPath("$.versions[0].sentAt").isNotNull();
		ConsumerRecord<String, String> record = this.events.await(ProjectTopics.ESTIMATE_SENT, estimate, 1).get(0);
		EstimateSent event = assertConforms(record, EstimateSent.class);
		assertThat(header(record, "ce_id")).isEqualTo(event.eventId().toString());
		assertThat(event.workspaceId()).isEqualTo(this.estimating.backOffice.workspace());
		assertThat(event.projectId()).isEqualTo(this.estimating.project);
		assertThat(event.clientContactId()).isEqualTo(this.estimating.contact);
		assertThat(event.versionNumber()).isEqualTo(1);
		assertThat(event.totalMinor()).isEqualTo(Estimating.TOTAL);
		assertThat(event.currency()).isEqualTo("USD");
		assertThat(event.validUntil()).isEqualTo(LocalDate.now().plusMonths(1));
	}

	@Test
	void sendingTheFirstEstimateOfALeadStartsEstimatingTheProject() {
		UUID first = this.estimating.draft();
		assertThat(projectStatus()).isEqualTo("LEAD");

		assertThat(this.estimating.send(first)).hasStatusOk();

		assertThat(projectStatus()).isEqualTo("ESTIMATING");
		// the latest version, whatever the order on the topic (the outbox does not promise it)
		ProjectUpserted upserted = this.events.await(ProjectTopics.PROJECT_UPSERTED, this.estimating.project, 2)
			.stream()
			.map(record -> assertConforms(record, ProjectUpserted.class))
			.max(Comparator.comparingLong(ProjectUpserted::version))
			.orElseThrow();
		assertThat(upserted.status()).isEqualTo("ESTIMATING");
		assertThat(upserted.version()).isEqualTo(2);
		assertThat(statusChanges()).containsExactly("Status changed from lead to estimating");

		assertThat(this.estimating.send(this.estimating.draft())).hasStatusOk();

		assertThat(projectStatus()).isEqualTo("ESTIMATING");
		assertThat(this.events.recorded(ProjectUpserted.class, this.estimating.project)).isEqualTo(2);
		assertThat(statusChanges()).hasSize(1);
	}

	@Test
	void sendingAnEstimateLeavesAnApprovedProjectAsItIs() {
		assertThat(this.estimating.backOffice.post("/api/projects/" + this.estimating.project + "/approve"))
			.hasStatusOk();
		int upserts = this.events.recorded(ProjectUpserted.class, this.estimating.project);

		assertThat(this.estimating.send(this.estimating.draft())).hasStatusOk();

		assertThat(projectStatus()).isEqualTo("APPROVED");
		assertThat(this.events.recorded(ProjectUpserted.class, this.estimating.project)).isEqualTo(upserts);
		assertThat(statusChanges()).containsExactly("Status changed from lead to approved");
	}

	@Test
	void aDraftThatCannotBeSentLeavesTheLeadALead() {
		UUID estimate = BackOffice.id(this.estimating
			.createDraft(json("currency", "EUR", "title", "To be detailed", "lineItems", List.of())));

		assertProblemNaming(this.estimating.send(estimate), ProblemType.UNPROCESSABLE, "lineItems");

		assertThat(projectStatus()).isEqualTo("LEAD");
		assertThat(this.events.recorded(ProjectUpserted.class, this.estimating.project)).isEqualTo(1);
		assertThat(statusChanges()).isEmpty();
	}

	@Test
	void sendingASentEstimateIsAConflictAndPublishesNothingMore() {
		UUID estimate = this.estimating.sent();

		MvcTestResult again = this.estimating.send(estimate);

		assertProblem(again, ProblemType.CONFLICT);
		assertThat(again).bodyJson().extractingPath("$.currentStatus").isEqualTo("SENT");
		assertThat(this.events.recorded(EstimateSent.class, estimate)).isEqualTo(1);
	}

	@Test
	void aDraftWithoutLineItemsCannotBeSent() {
		UUID estimate = BackOffice.id(this.estimating
			.createDraft(json("currency", "EUR", "title", "To be detailed", "lineItems", List.of())));

		assertProblemNaming(this.estimating.send(estimate), ProblemType.UNPROCESSABLE, "lineItems");
		assertThat(this.estimating.status(estimate)).isEqualTo("DRAFT");
		assertThat(this.events.recorded(EstimateSent.class, estimate)).isZero();
	}

	@Test
	void aDraftWhoseValidUntilDateHasPassedCannotBeSent() {
		UUID estimate = BackOffice.id(this.estimating.createDraft(json("currency", "USD", "title", "Old offer",
				"validUntil", LocalDate.now().minusDays(2), "lineItems", LINES)));

		assertProblemNaming(this.estimating.send(estimate), ProblemType.UNPROCESSABLE, "validUntil");
		assertThat(this.estimating.status(estimate)).isEqualTo("DRAFT");
	}

	@Test
	void revisingASentEstimateSupersedesTheSentVersionWithANewDraft() {
		UUID estimate = this.estimating.sent();

		MvcTestResult revised = this.estimating.revise(estimate, "Roof replacement, cedar");

		assertThat(revised).hasStatusOk().bodyJson().extractingPath("$.currentVersion").isEqualTo(2);
		assertThat(revised).bodyJson().extractingPath("$.status").isEqualTo("DRAFT");
		assertThat(revised).bodyJson().extractingPath("$.versions[0].status").isEqualTo("SUPERSEDED");
		assertThat(revised).bodyJson().extractingPath("$.versions[0].title").isEqualTo("Roof replacement");
		assertThat(revised).bodyJson().extractingPath("$.versions[1].title").isEqualTo("Roof replacement, cedar");
		assertThat(this.estimating.send(estimate)).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("SENT");
		assertThat(this.events.recorded(EstimateSent.class, estimate)).isEqualTo(2);
	}

	@Test
	void anEditOfTheCurrentVersionIsSavedAndIncrementsIt() {
		UUID estimate = this.estimating.draft();
		long version = version(estimate);

		MvcTestResult edited = revise(estimate, "Roof and gutters", version);

		assertThat(edited).hasStatusOk().bodyJson().extractingPath("$.versions[0].title").isEqualTo("Roof and gutters");
		assertThat(version(edited)).isEqualTo(version + 1);
		assertThat(version(estimate)).isEqualTo(version + 1);
	}

	@Test
	void anEditOfAStaleVersionIsAConflictAndChangesNothing() {
		UUID estimate = this.estimating.sent();
		long read = version(estimate);
		// someone else saves first: the sent version is superseded by draft version 2
		assertThat(revise(estimate, "Roof replacement, cedar", read)).hasStatusOk();
		long current = version(estimate);

		MvcTestResult stale = revise(estimate, "Roof replacement, slate", read);

		assertProblem(stale, ProblemType.CONFLICT);
		assertThat(stale).bodyJson().extractingPath("$.currentVersion").isEqualTo((int) current);
		MvcTestResult after = this.estimating.read(estimate);
		assertThat(version(after)).isEqualTo(current);
		assertThat(after).bodyJson().extractingPath("$.currentVersion").isEqualTo(2);
		assertThat(after).bodyJson().extractingPath("$.versions[*].title").asArray()
			.containsExactly("Roof replacement", "Roof replacement, cedar");
	}

	@Test
	void anEditWithoutAVersionIsNotChecked() {
		UUID estimate = this.estimating.draft();
		long read = version(estimate);
		assertThat(revise(estimate, "Roof and gutters", read)).hasStatusOk();

		MvcTestResult edited = this.estimating.backOffice.put("/api/estimates/" + estimate,
				Estimating.content("Roof, gutters and downspouts", null, LINES));

		assertThat(edited).hasStatusOk().bodyJson().extractingPath("$.versions[0].title")
			.isEqualTo("Roof, gutters and downspouts");
		assertThat(version(edited)).isEqualTo(read + 2);
	}

	@Test
	void aProjectMayHaveSeveralEstimates() {
		UUID first = this.estimating.draft();
		UUID second = this.estimating.sent();

		assertThat(this.estimating.backOffice.get("/api/projects/" + this.estimating.project + "/estimates"))
			.bodyJson()
			.extractingPath("$[*].id")
			.asArray()
			.containsExactly(first.toString(), second.toString());
	}

	private String projectStatus() {
		return BackOffice.read(this.estimating.backOffice.get("/api/projects/" + this.estimating.project), "$.status");
	}

	/** The summaries of the project's status changes on its timeline. */
	private List<String> statusChanges() {
		return this.jdbc.queryForList(
				"select summary from project_activity where project_id = ? and kind = 'PROJECT_STATUS_CHANGED'",
				String.class, this.estimating.project);
	}

	@ParameterizedTest
	@ValueSource(strings = { "usd", "US", "XYZ", "XXX", "XAU", "" })
	void theCurrencyMustBeAnIso4217CodeWithMinorUnits(String currency) {
		MvcTestResult created = this.estimating
			.createDraft(json("currency", currency, "title", "Roof", "lineItems", LINES));

		assertProblemNaming(created, ProblemType.VALIDATION_FAILED, "currency");
		assertThat(this.estimating.backOffice.get("/api/projects/" + this.estimating.project + "/estimates"))
			.bodyJson()
			.isEqualTo("[]");
	}

	@Test
	void invalidLinesAreNamedOneByOne() {
		List<Map<String, Object>> lines = List.of(line(" ", "1", 100, 0), line("Too precise", "1.2345", 100, 0),
				line("Negative price", "1", -1, 0), line("Over 100 % tax", "1", 100, 10_001),
				line("Zero quantity", "0", 100, 0), line("Huge quantity", "1000000", 100, 0),
				Map.of("description", "Cents as a decimal", "quantity", 1, "unitPriceMinor", 19.99, "taxRateBasisPoints",
						8.25));

		MvcTestResult created = this.estimating.createDraft(json("currency", "USD", "title", "Line\nbreak",
				"notes", "bell\u0007", "lineItems", lines));

		assertProblemNaming(created, ProblemType.VALIDATION_FAILED, "title", "notes", "lineItems[0].description",
				"lineItems[1].quantity", "lineItems[2].unitPriceMinor", "lineItems[3].taxRateBasisPoints",
				"lineItems[4].quantity", "lineItems[5].quantity", "lineItems[6].unitPriceMinor",
				"lineItems[6].taxRateBasisPoints");
	}

	@Test
	void notesMaySpanLinesUpToFourThousandCharacters() {
		String notes = ("Haul-away included.\n" + "x".repeat(80)).repeat(40);

		assertThat(this.estimating.createDraft(json("currency", "USD", "title", "Roof", "notes", notes, "lineItems",
				LINES))).hasStatus(201);
		assertProblemNaming(this.estimating.createDraft(json("currency", "USD", "title", "Roof", "notes", notes + "x",
				"lineItems", LINES)), ProblemType.VALIDATION_FAILED, "notes");
	}

	@Test
	void anEstimateHasAtMostAHundredLines() {
		List<Map<String, Object>> lines = new ArrayList<>();
		for (int i = 0; i < 101; i++) {
			lines.add(line("Item " + i, "1", 100, 0));
		}

		assertProblemNaming(this.estimating.createDraft(json("currency", "USD", "title", "Big", "lineItems", lines)),
				ProblemType.VALIDATION_FAILED, "lineItems");
	}

	@Test
	void anEditIsValidatedLikeACreationAndChangesNothingWhenInvalid() {
		UUID estimate = this.estimating.draft();

		MvcTestResult edited = this.estimating.backOffice.put("/api/estimates/" + estimate,
				json("title", "", "lineItems", List.of(line("x", "-1", 100, 0))));

		assertProblemNaming(edited, ProblemType.VALIDATION_FAILED, "title", "lineItems[0].quantity");
		assertThat(this.estimating.read(estimate)).bodyJson().extractingPath("$.versions[0].title")
			.isEqualTo("Roof replacement");
	}

	@Test
	void unreadableInputIsABadRequest() {
		assertProblem(this.estimating.createDraft("{\"currency\": "), ProblemType.BAD_REQUEST);
		assertProblem(this.estimating.createDraft(json("currency", "USD", "title", "Roof", "validUntil", "next week",
				"lineItems", LINES)), ProblemType.BAD_REQUEST);
		assertProblem(this.estimating.backOffice.get("/api/estimates/42"), ProblemType.BAD_REQUEST);
	}

	@Test
	void unknownProjectsAndEstimatesAreNotFound() {
		UUID unknown = UUID.randomUUID();
		BackOffice backOffice = this.estimating.backOffice;

		assertProblem(backOffice.post("/api/projects/" + unknown + "/estimates",
				json("currency", "USD", "title", "Roof", "lineItems", LINES)), ProblemType.NOT_FOUND);
		assertProblem(backOffice.get("/api/projects/" + unknown + "/estimates"), ProblemType.NOT_FOUND);
		assertProblem(backOffice.get("/api/estimates/" + unknown), ProblemType.NOT_FOUND);
		assertProblem(backOffice.put("/api/estimates/" + unknown, Estimating.content("Roof", null, LINES)),
				ProblemType.NOT_FOUND);
		assertProblem(backOffice.post("/api/estimates/" + unknown + "/send"), ProblemType.NOT_FOUND);
		assertProblem(backOffice.get("/api/estimates/" + unknown + "/versions/1/evidence"), ProblemType.NOT_FOUND);
	}

	private MvcTestResult revise(UUID estimate, String title, long version) {
		return this.estimating.backOffice.put("/api/estimates/" + estimate,
				json("title", title, "lineItems", LINES, "version", version));
	}

	private long version(UUID estimate) {
		return version(this.estimating.read(estimate));
	}

	private static long version(MvcTestResult estimate) {
		return ((Number) BackOffice.read(estimate, "$.version")).longValue();
	}
}
