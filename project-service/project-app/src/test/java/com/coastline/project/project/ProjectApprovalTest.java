package com.coastline.project.project;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
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
import com.coastline.project.api.ProjectApproved;
import com.coastline.project.api.ProjectTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.coastline.platform.test.kafka.TopicRecords.header;
import static com.coastline.platform.web.testing.ProblemAssertions.assertProblem;
import static com.coastline.project.PublishedEvents.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;

@ProjectServiceTest
class ProjectApprovalTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@LocalServerPort
	int port;

	BackOffice backOffice;

	PublishedEvents events;

	@BeforeEach
	void setUp() {
		this.backOffice = new BackOffice(this.mvc, UUID.randomUUID());
		this.events = new PublishedEvents(this.bootstrapServers, this.jdbc);
	}

	@Test
	void approvingAProjectPublishesProjectApprovedWithThePrimaryContactsDetails() {
		// given
		UUID contact = this.backOffice.createContact("Dana", "Reyes", "Dana.Reyes@example.com");
		UUID project = this.backOffice.createProject("Roof replacement", "12 Pine St, Boulder CO", contact);

		// when
		MvcTestResult approved = this.backOffice.post("/api/projects/" + project + "/approve");

		// then
		assertThat(approved).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("APPROVED");
		assertThat(approved).bodyJson().extractingPath("$.version").isEqualTo(2);
		assertThat(approved).bodyJson().extractingPath("$.approvedAt").isNotNull();

		ConsumerRecord<String, String> record = this.events.await(ProjectTopics.PROJECT_APPROVED, project, 1).get(0);
		ProjectApproved event = assertConforms(record, ProjectApproved.class);
		assertThat(record.key()).isEqualTo(project.toString());
		assertThat(header(record, "ce_id")).isEqualTo(event.eventId().toString());
		assertThat(header(record, "ce_source")).isEqualTo("/project-service");
		assertThat(event.workspaceId()).isEqualTo(this.backOffice.workspace());
		assertThat(event.projectId()).isEqualTo(project);
		assertThat(event.projectName()).isEqualTo("Roof replacement");
		assertThat(event.projectAddress()).isEqualTo("12 Pine St, Boulder CO");
		assertThat(event.primaryContact())
			.isEqualTo(new ProjectApproved.PrimaryContact(contact, "Dana", "Reyes", "dana.reyes@example.com"));
		String stored = BackOffice.read(this.backOffice.get("/api/projects/" + project), "$.approvedAt");
		assertThat(event.approvedAt()).isEqualTo(Instant.parse(stored));
		assertThat(event.version()).isEqualTo(2);
	}

	@Test
	void approvingAnApprovedProjectIsAConflictAndPublishesNothing() {
		// given
		UUID project = this.backOffice.createLeadWithContact();
		assertThat(this.backOffice.post("/api/projects/" + project + "/approve")).hasStatusOk();

		// when
		MvcTestResult again = this.backOffice.post("/api/projects/" + project + "/approve");

		// then
		assertProblem(again, ProblemType.CONFLICT);
		assertThat(this.backOffice.get("/api/projects/" + project)).bodyJson().extractingPath("$.version").isEqualTo(2);
		assertExactlyOneProjectApproved(project);
	}

	@Test
	void concurrentApprovalsApproveOnceAndPublishOneEvent() throws Exception {
		// given
		UUID project = this.backOffice.createLeadWithContact();
		int callers = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<Integer>> statuses = new ArrayList<>();

		// when
		try (ExecutorService threads = Executors.newFixedThreadPool(callers);
				HttpClient http = HttpClient.newHttpClient()) {
			for (int i = 0; i < callers; i++) {
				String token = this.backOffice.bearer();
				statuses.add(CompletableFuture.supplyAsync(() -> approve(http, project, token, start), threads));
			}
			start.countDown();
			CompletableFuture.allOf(statuses.toArray(CompletableFuture[]::new)).join();
		}

		// then
		List<Integer> answered = statuses.stream().map(CompletableFuture::join).toList();
		assertThat(answered).filteredOn(status -> status == 200).hasSize(1);
		assertThat(answered).filteredOn(status -> status == 409).hasSize(callers - 1);
		assertExactlyOneProjectApproved(project);
	}

	/** Recorded once in the outbox (so published at most once) and, once relayed, exactly once on the topic. */
	private void assertExactlyOneProjectApproved(UUID project) {
		assertThat(this.events.recorded(ProjectApproved.class, project)).isEqualTo(1);
		this.events.awaitCompleted(ProjectApproved.class, project);
		assertThat(this.events.on(ProjectTopics.PROJECT_APPROVED, project)).hasSize(1);
	}

	private int approve(HttpClient http, UUID project, String token, CountDownLatch start) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/projects/" + project + "/approve"))
			.header("Authorization", token)
			.POST(HttpRequest.BodyPublishers.noBody())
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
