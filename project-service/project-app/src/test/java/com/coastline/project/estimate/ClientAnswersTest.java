package com.coastline.project.estimate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.coastline.platform.web.problem.ProblemType;
import com.coastline.project.BackOffice;
import com.coastline.project.ProjectServiceTest;
import com.coastline.project.PublishedEvents;
import com.coastline.project.api.EstimateApproved;
import com.coastline.project.api.EstimateChangesRequested;
import com.coastline.project.api.EstimateDeclined;
import com.coastline.project.api.EstimateViewed;
import com.coastline.project.api.ProjectApproved;
import com.coastline.project.api.ProjectTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.platform.web.testing.ProblemAssertions.assertProblem;
import static com.coastline.platform.web.testing.ProblemAssertions.assertProblemNaming;
import static com.coastline.project.BackOffice.json;
import static com.coastline.project.PublishedEvents.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;

/** The client's side in the portal: approving with a signature, declining, asking for changes, and every refusal. */
@ProjectServiceTest
class ClientAnswersTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@LocalServerPort
	int port;

	Estimating estimating;

	PublishedEvents events;

	@BeforeEach
	void setUp() {
		this.estimating = new Estimating(this.mvc);
		this.events = new PublishedEvents(this.bootstrapServers, this.jdbc);
	}

	@Test
	void approvingFreezesTheVersionWithItsEvidenceAndApprovesTheProject() {
		UUID estimate = this.estimating.sent();

		MvcTestResult approved = this.estimating.clientPost("/portal/estimates/" + estimate + "/approve",
				Estimating.approval(1, "  Dana Reyes  "));

		assertThat(approved).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("APPROVED");
		MvcTestResult stored = this.estimating.read(estimate);
		assertThat(stored).bodyJson().extractingPath("$.versions[0].approval.signedName").isEqualTo("Dana Reyes");
		assertThat(stored).bodyJson().extractingPath("$.versions[0].approval.signerContactId")
			.isEqualTo(this.estimating.contact.toString());
		assertThat(stored).bodyJson().extractingPath("$.versions[0].approval.ip").isEqualTo("203.0.113.7");
		assertThat(stored).bodyJson().extractingPath("$.versions[0].approval.userAgent").asString()
			.startsWith("Mozilla/5.0 (iPhone");
		assertThat(stored).bodyJson().extractingPath("$.versions[0].approval.approvedAt").isNotNull();
		String hash = BackOffice.read(stored, "$.versions[0].approval.contentSha256");
		assertThat(hash).matches("[0-9a-f]{64}");
		assertThat(this.estimating.backOffice.get("/api/projects/" + this.estimating.project)).bodyJson()
			.extractingPath("$.status")
			.isEqualTo("APPROVED");

		ConsumerRecord<String, String> record = this.events.await(ProjectTopics.ESTIMATE_APPROVED, estimate, 1).get(0);
		EstimateApproved event = assertConforms(record, EstimateApproved.class);
		assertThat(record.key()).isEqualTo(estimate.toString());
		assertThat(event.contentSha256()).isEqualTo(hash);
		assertThat(event.signedName()).isEqualTo("Dana Reyes");
		assertThat(event.signerContactId()).isEqualTo(this.estimating.contact);
		assertThat(event.totalMinor()).isEqualTo(Estimating.TOTAL);
		assertThat(event.projectId()).isEqualTo(this.estimating.project);
		assertExactlyOneProjectApproved();
		assertConforms(this.events.on(ProjectTopics.PROJECT_APPROVED, this.estimating.project).get(0),
				ProjectApproved.class);
	}

	@Test
	void approvingTheEstimateOfAProjectTheContractorApprovedPublishesNoSecondProjectApproved() {
		UUID estimate = this.estimating.sent();
		assertThat(this.estimating.backOffice.post("/api/projects/" + this.estimating.project + "/approve"))
			.hasStatusOk();

		assertThat(this.estimating.approve(estimate, 1)).hasStatusOk().bodyJson().extractingPath("$.status")
			.isEqualTo("APPROVED");

		assertThat(this.events.recorded(EstimateApproved.class, estimate)).isEqualTo(1);
		assertExactlyOneProjectApproved();
	}

	@Test
	void theEstimatesOfACancelledProjectCannotBeApprovedOrSent() {
		UUID estimate = this.estimating.sent();
		assertThat(this.estimating.backOffice.post("/api/projects/" + this.estimating.project + "/cancel"))
			.hasStatusOk();

		assertProblem(this.estimating.approve(estimate, 1), ProblemType.CONFLICT);

		assertThat(this.estimating.status(estimate)).isEqualTo("SENT");
		assertThat(this.events.recorded(EstimateApproved.class, estimate)).isZero();
		assertThat(this.events.recorded(ProjectApproved.class, this.estimating.project)).isZero();
		UUID draft = this.estimating.draft();
		assertProblem(this.estimating.send(draft), ProblemType.CONFLICT);
		assertThat(this.estimating.status(draft)).isEqualTo("DRAFT");
	}

	@Test
	void theEstimateOfAProjectCancelledAfterItsApprovalCannotBeApproved() {
		UUID estimate = this.estimating.sent();
		assertThat(this.estimating.backOffice.post("/api/projects/" + this.estimating.project + "/approve"))
			.hasStatusOk();
		assertThat(this.estimating.backOffice.post("/api/projects/" + this.estimating.project + "/cancel"))
			.hasStatusOk();

		MvcTestResult refused = this.estimating.approve(estimate, 1);

		assertProblem(refused, ProblemType.CONFLICT);
		assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains("cancelled");
		assertThat(this.estimating.status(estimate)).isEqualTo("SENT");
		assertThat(this.events.recorded(EstimateApproved.class, estimate)).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from project_activity where subject_id = ? and kind = ?",
				Integer.class, estimate, "ESTIMATE_APPROVED")).isZero();
		assertExactlyOneProjectApproved();
	}

	@Test
	void approvingAVersionThatWasRevisedSinceIsAConflictAndChangesNothing() {
		UUID estimate = this.estimating.sent();
		assertThat(this.estimating.revise(estimate, "Roof replacement, cedar")).hasStatusOk();
		assertThat(this.estimating.send(estimate)).hasStatusOk();

		MvcTestResult stale = this.estimating.approve(estimate, 1);

		assertProblem(stale, ProblemType.CONFLICT);
		assertThat(this.estimating.versionStatus(estimate, 1)).isEqualTo("SUPERSEDED");
		assertThat(this.estimating.versionStatus(estimate, 2)).isEqualTo("SENT");
		assertThat(this.events.recorded(EstimateApproved.class, estimate)).isZero();
		assertThat(this.events.recorded(ProjectApproved.class, this.estimating.project)).isZero();
		assertThat(this.estimating.approve(estimate, 2)).hasStatusOk();
	}

	@Test
	void whileARevisionIsADraftTheClientSeesTheSupersededVersionAndCannotAnswerIt() {
		UUID estimate = this.estimating.sent();
		assertThat(this.estimating.revise(estimate, "Roof replacement, cedar")).hasStatusOk();

		MvcTestResult shown = this.estimating.clientGet("/portal/estimates/" + estimate);

		assertThat(shown).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("SUPERSEDED");
		assertThat(shown).bodyJson().extractingPath("$.version.number").isEqualTo(1);
		assertProblem(this.estimating.approve(estimate, 1), ProblemType.CONFLICT);
		assertProblem(this.estimating.approve(estimate, 2), ProblemType.CONFLICT);
		assertProblem(this.estimating.decline(estimate, 1), ProblemType.CONFLICT);
		assertThat(this.estimating.versionStatus(estimate, 2)).isEqualTo("DRAFT");
	}

	@Test
	void openingAnEstimateIsRecordedOnTheTimelineAndAnnouncedOnceAnHour() {
		UUID estimate = this.estimating.sent();

		assertThat(this.estimating.clientGet("/portal/estimates/" + estimate)).hasStatusOk();
		assertThat(this.estimating.clientGet("/portal/estimates/" + estimate)).hasStatusOk();

		assertThat(this.jdbc.queryForList("select actor from project_activity where subject_id = ? and kind = ?",
				String.class, estimate, "ESTIMATE_VIEWED"))
			.containsExactly("contact:" + this.estimating.contact);
		assertThat(this.jdbc.queryForObject("select count(*) from project_activity where subject_id = ? and kind = ?",
				Integer.class, estimate, "ESTIMATE_SENT")).isEqualTo(1);
		EstimateViewed viewed = assertConforms(this.events.await(ProjectTopics.ESTIMATE_VIEWED, estimate, 1).get(0),
				EstimateViewed.class);
		assertThat(viewed.contactId()).isEqualTo(this.estimating.contact);
		assertThat(viewed.versionNumber()).isEqualTo(1);
		assertThat(this.events.recorded(EstimateViewed.class, estimate)).isEqualTo(1);
	}

	@Test
	void decliningPublishesEstimateDeclinedWithTheClientsMessage() {
		UUID estimate = this.estimating.sent();

		assertThat(this.estimating.decline(estimate, 1)).hasStatusOk().bodyJson().extractingPath("$.status")
			.isEqualTo("DECLINED");

		MvcTestResult stored = this.estimating.read(estimate);
		assertThat(stored).bodyJson().extractingPath("$.versions[0].clientMessage").isEqualTo("Too dear.");
		// The back office shows who answered and when (backoffice-gateway's estimate page).
		assertThat(stored).bodyJson().extractingPath("$.versions[0].answeredByContactId")
			.isEqualTo(this.estimating.contact.toString());
		assertThat(stored).bodyJson().extractingPath("$.versions[0].answeredAt").isNotNull();
		assertThat(stored).bodyJson().extractingPath("$.versions[0].approval").isNull();
		EstimateDeclined event = assertConforms(this.events.await(ProjectTopics.ESTIMATE_DECLINED, estimate, 1).get(0),
				EstimateDeclined.class);
		assertThat(event.message()).isEqualTo("Too dear.");
		assertThat(event.contactId()).isEqualTo(this.estimating.contact);
		assertThat(this.estimating.backOffice.get("/api/projects/" + this.estimating.project)).bodyJson()
			.extractingPath("$.status")
			.isNotEqualTo("APPROVED");
	}

	@Test
	void aClientMayDeclineWithoutAMessage() {
		UUID estimate = this.estimating.sent();

		MvcTestResult declined = this.estimating.clientPost("/portal/estimates/" + estimate + "/decline",
				json("version", 1));

		assertThat(declined).hasStatusOk().bodyJson().extractingPath("$.version.clientMessage").isNull();
	}

	@Test
	void askingForChangesPublishesEstimateChangesRequestedAndTheRevisionKeepsTheAnsweredVersion() {
		UUID estimate = this.estimating.sent();

		assertThat(this.estimating.requestChanges(estimate, 1)).hasStatusOk().bodyJson().extractingPath("$.status")
			.isEqualTo("CHANGES_REQUESTED");

		EstimateChangesRequested event = assertConforms(
				this.events.await(ProjectTopics.ESTIMATE_CHANGES_REQUESTED, estimate, 1).get(0),
				EstimateChangesRequested.class);
		assertThat(event.message()).isEqualTo("Cedar instead of asphalt, please.");
		assertThat(this.estimating.revise(estimate, "Roof replacement, cedar")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.versions[0].status")
			.isEqualTo("CHANGES_REQUESTED");
		assertThat(this.estimating.clientGet("/portal/estimates/" + estimate)).bodyJson()
			.extractingPath("$.status")
			.isEqualTo("CHANGES_REQUESTED");
	}

	@Test
	void askingForChangesIsOnTheTimelineTheClientSeesWithoutTheMessage() {
		UUID estimate = this.estimating.sent();

		assertThat(this.estimating.requestChanges(estimate, 1)).hasStatusOk();

		MvcTestResult timeline = this.estimating
			.clientGet("/portal/projects/" + this.estimating.project + "/timeline");
		assertThat(timeline).hasStatusOk()
			.bodyJson()
			.extractingPath("$[?(@.kind == 'ESTIMATE_CHANGES_REQUESTED')].subjectId")
			.asArray()
			.containsExactly(estimate.toString());
		assertThat(timeline).bodyJson()
			.extractingPath("$[?(@.kind == 'ESTIMATE_CHANGES_REQUESTED')].by")
			.asArray()
			.containsExactly("you");
		assertThat(timeline).bodyJson()
			.extractingPath("$[?(@.kind == 'ESTIMATE_CHANGES_REQUESTED')].summary")
			.asArray()
			.containsExactly("Changes requested to estimate \"Roof replacement\" (version 1)");
		assertThat(this.jdbc.queryForList("select actor from project_activity where subject_id = ? and kind = ?",
				String.class, estimate, "ESTIMATE_CHANGES_REQUESTED"))
			.containsExactly("contact:" + this.estimating.contact);
	}

	@ParameterizedTest
	@ValueSource(strings = { "approve", "decline", "request-changes" })
	void noAnswerIsTakenTwice(String firstAnswer) {
		UUID estimate = this.estimating.sent();
		assertThat(answer(firstAnswer, estimate)).hasStatusOk();
		String status = this.estimating.status(estimate);
		long version = BackOffice.<Integer>read(this.estimating.read(estimate), "$.version");

		for (String again : List.of("approve", "decline", "request-changes")) {
			MvcTestResult refused = answer(again, estimate);
			assertProblem(refused, ProblemType.CONFLICT);
			assertThat(refused).bodyJson().extractingPath("$.currentStatus").isEqualTo(status);
		}
		assertProblem(this.estimating.send(estimate), ProblemType.CONFLICT);

		assertThat(this.estimating.status(estimate)).isEqualTo(status);
		assertThat(BackOffice.<Integer>read(this.estimating.read(estimate), "$.version")).isEqualTo((int) version);
		assertThat(this.events.recorded(EstimateApproved.class, estimate)
				+ this.events.recorded(EstimateDeclined.class, estimate)
				+ this.events.recorded(EstimateChangesRequested.class, estimate)).isEqualTo(1);
	}

	@Test
	void aDeclinedEstimateCanBeRevisedSentAndApprovedAsANewVersion() {
		UUID estimate = this.estimating.sent();
		assertThat(this.estimating.decline(estimate, 1)).hasStatusOk();

		assertThat(this.estimating.revise(estimate, "Roof replacement, cheaper")).hasStatusOk();
		assertThat(this.estimating.send(estimate)).hasStatusOk();
		assertThat(this.estimating.approve(estimate, 2)).hasStatusOk();

		assertThat(this.estimating.versionStatus(estimate, 1)).isEqualTo("DECLINED");
		assertThat(this.estimating.versionStatus(estimate, 2)).isEqualTo("APPROVED");
		assertThat(this.estimating.read(estimate)).bodyJson().extractingPath("$.versions[0].approval").isNull();
		assertExactlyOneProjectApproved();
	}

	@Test
	void anExpiredEstimateCannotBeAnsweredButCanBeRevised() {
		UUID estimate = this.estimating.sent();
		this.jdbc.update("update estimate_version set valid_until = current_date - 2 where estimate_id = ?", estimate);

		assertThat(this.estimating.status(estimate)).isEqualTo("EXPIRED");
		assertThat(this.estimating.clientGet("/portal/estimates/" + estimate)).bodyJson()
			.extractingPath("$.status")
			.isEqualTo("EXPIRED");
		for (String answer : List.of("approve", "decline", "request-changes")) {
			assertProblem(answer(answer, estimate), ProblemType.CONFLICT);
		}
		assertProblem(this.estimating.send(estimate), ProblemType.CONFLICT);
		assertThat(this.events.recorded(EstimateApproved.class, estimate)).isZero();

		MvcTestResult revised = this.estimating.revise(estimate, "Roof replacement, new prices");
		assertThat(revised).hasStatusOk().bodyJson().extractingPath("$.versions[0].status").isEqualTo("SUPERSEDED");
		assertThat(revised).bodyJson().extractingPath("$.versions[1].status").isEqualTo("DRAFT");
	}

	@Test
	void anEstimateValidUntilTodayCanStillBeApproved() {
		UUID estimate = this.estimating.sent();
		this.jdbc.update("update estimate_version set valid_until = (now() at time zone 'UTC')::date where estimate_id = ?",
				estimate);

		assertThat(this.estimating.approve(estimate, 1)).hasStatusOk();
	}

	@Test
	void theSignatureIsAFullNameOnOneLine() {
		UUID estimate = this.estimating.sent();
		String approve = "/portal/estimates/" + estimate + "/approve";

		for (String name : List.of("", "   ", "D", "  D  ", "N".repeat(201), "Dana\nReyes", "Dana\u0000Reyes",
				"\u2003D\u2003")) {
			assertProblemNaming(this.estimating.clientPost(approve, Estimating.approval(1, name)),
					ProblemType.VALIDATION_FAILED, "signedName");
		}
		assertProblemNaming(this.estimating.clientPost(approve, json("version", 1, "ip", "203.0.113.7")),
				ProblemType.VALIDATION_FAILED, "signedName");

		assertThat(this.estimating.status(estimate)).isEqualTo("SENT");
		assertThat(this.estimating.clientPost(approve, Estimating.approval(1, "Jo"))).hasStatusOk();
	}

	@Test
	void theRelayedAddressAndUserAgentAreBounded() {
		UUID estimate = this.estimating.sent();
		String approve = "/portal/estimates/" + estimate + "/approve";

		for (String ip : List.of("", "localhost", "203.0.113.7; drop table", "1".repeat(46))) {
			assertProblemNaming(this.estimating.clientPost(approve,
					json("version", 1, "signedName", "Dana Reyes", "ip", ip)), ProblemType.VALIDATION_FAILED, "ip");
		}
		assertProblemNaming(this.estimating.clientPost(approve, json("version", 1, "signedName", "Dana Reyes", "ip",
				"2001:db8::1", "userAgent", "x".repeat(513))), ProblemType.VALIDATION_FAILED, "userAgent");
		assertProblemNaming(this.estimating.clientPost(approve, json("signedName", "Dana Reyes", "ip", "2001:db8::1")),
				ProblemType.VALIDATION_FAILED, "version");

		assertThat(this.estimating.status(estimate)).isEqualTo("SENT");
		assertThat(this.estimating.clientPost(approve,
				json("version", 1, "signedName", "Dana Reyes", "ip", "2001:db8::ffff:192.0.2.1"))).hasStatusOk();
	}

	@Test
	void askingForChangesNeedsAMessage() {
		UUID estimate = this.estimating.sent();

		assertProblemNaming(this.estimating.clientPost("/portal/estimates/" + estimate + "/request-changes",
				json("version", 1, "message", "  ")), ProblemType.VALIDATION_FAILED, "message");
		assertProblemNaming(this.estimating.clientPost("/portal/estimates/" + estimate + "/decline",
				json("version", 1, "message", "x".repeat(2001))), ProblemType.VALIDATION_FAILED, "message");
		assertThat(this.estimating.status(estimate)).isEqualTo("SENT");
	}

	@Test
	void concurrentApprovalsApproveOnceAndPublishOneProjectApproved() throws Exception {
		UUID estimate = this.estimating.sent();
		int callers = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<Integer>> statuses = new ArrayList<>();

		try (ExecutorService threads = Executors.newFixedThreadPool(callers);
				HttpClient http = HttpClient.newHttpClient()) {
			for (int i = 0; i < callers; i++) {
				String token = this.estimating.clientBearer();
				statuses.add(CompletableFuture.supplyAsync(() -> approveOverHttp(http, estimate, token, start), threads));
			}
			start.countDown();
			CompletableFuture.allOf(statuses.toArray(CompletableFuture[]::new)).join();
		}

		List<Integer> answered = statuses.stream().map(CompletableFuture::join).toList();
		assertThat(answered).filteredOn(status -> status == 200).hasSize(1);
		assertThat(answered).filteredOn(status -> status == 409).hasSize(callers - 1);
		assertThat(this.events.recorded(EstimateApproved.class, estimate)).isEqualTo(1);
		this.events.awaitCompleted(EstimateApproved.class, estimate);
		assertThat(this.events.on(ProjectTopics.ESTIMATE_APPROVED, estimate)).hasSize(1);
		assertExactlyOneProjectApproved();
	}

	private MvcTestResult answer(String answer, UUID estimate) {
		return switch (answer) {
			case "approve" -> this.estimating.approve(estimate, 1);
			case "decline" -> this.estimating.decline(estimate, 1);
			default -> this.estimating.requestChanges(estimate, 1);
		};
	}

	private void assertExactlyOneProjectApproved() {
		UUID project = this.estimating.project;
		assertThat(this.events.recorded(ProjectApproved.class, project)).isEqualTo(1);
		this.events.awaitCompleted(ProjectApproved.class, project);
		assertThat(this.events.on(ProjectTopics.PROJECT_APPROVED, project)).hasSize(1);
	}

	private int approveOverHttp(HttpClient http, UUID estimate, String token, CountDownLatch start) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/portal/estimates/" + estimate + "/approve"))
			.header("Authorization", token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(Estimating.approval(1, "Dana Reyes")))
			.build();
		try {
			start.await();
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
