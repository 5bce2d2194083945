package com.coastline.automation.run;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.coastline.automation.AutomationServiceTest;
import com.coastline.automation.BackOffice;
import com.coastline.automation.Wire;
import com.coastline.notification.api.EmailFailed;
import com.coastline.notification.api.EmailKind;
import com.coastline.notification.api.EmailSent;
import com.coastline.notification.api.NotificationTopics;
import com.coastline.notification.api.SendEmail;
import com.coastline.platform.test.contract.ContractSchemas;
import com.coastline.project.api.ProjectApproved;
import com.coastline.project.api.ProjectTopics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.coastline.automation.Wire.EVENTUALLY;
import static com.coastline.automation.Wire.JSON;
import static com.coastline.automation.Wire.projectApproved;
import static com.coastline.automation.Wire.read;
import static com.coastline.platform.test.kafka.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The flow that must always work, from ProjectApproved to exactly one SendEmail per automation, and back. */
@AutomationServiceTest
class ProjectApprovedRunsTest {

	private static final String DEAD_PROJECT_EVENTS = "error.project.events.automation-service";

	private static final String DEAD_NOTIFICATION_EVENTS = "error.notification.events.automation-service";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	final UUID workspace = UUID.randomUUID();

	BackOffice backOffice;

	Wire wire;

	@BeforeEach
	void setUp() {
		backOffice = new BackOffice(mvc, workspace);
		wire = new Wire(bootstrapServers, jdbc);
		wire.workspaceCreated(workspace, "Summit Roofing");
	}

	@Test
	void approvedProjectSendsExactlyOneEmailToThePrimaryContact() {
		// given
		UUID automation = backOffice.createAutomation("Welcome", true, "Your project is approved",
				"Hi Dana,\n\nYour <b>roof</b> & \"gutters\" are next.\nSee you soon.");
		ProjectApproved approved = projectApproved(workspace, UUID.randomUUID());

		// when
		wire.publish(approved);

		// then
		UUID run = wire.awaitRun(approved.eventId(), automation);
		ConsumerRecord<String, String> record = wire.awaitSendEmail(run);
		JsonNode email = read(record);
		ContractSchemas.assertConforms(email, "schemas/coastline.notification.SendEmail.v1.json");
		assertThat(record.key()).isEqualTo("automation-run:" + run);
		assertThat(header(record, "ce_id")).isEqualTo(email.get("commandId").asString());
		assertThat(header(record, "ce_type")).isEqualTo(NotificationTopics.SEND_EMAIL);
		assertThat(header(record, "ce_source")).isEqualTo("/automation-service");
		assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(record, "content-type")).isEqualTo("application/json");
		assertThat(header(record, "traceparent")).isNotBlank();
		SendEmail command = JSON.treeToValue(email, SendEmail.class);
		assertThat(command.idempotencyKey()).isEqualTo("automation-run:" + run);
		assertThat(command.workspaceId()).isEqualTo(workspace);
		assertThat(command.recipient()).isEqualTo(new SendEmail.Recipient("dana.reyes@example.com", "Dana Reyes"));
		assertThat(command.kind()).isEqualTo(EmailKind.AUTOMATION);
		assertThat(command.subject()).isEqualTo("Your project is approved");
		assertThat(command.text()).isEqualTo("Hi Dana,\n\nYour <b>roof</b> & \"gutters\" are next.\nSee you soon.");
		assertThat(command.html()).isEqualTo(
				"<p>Hi Dana,</p>\n<p>Your &lt;b&gt;roof&lt;/b&gt; &amp; &quot;gutters&quot; are next.<br>\nSee you soon.</p>");
		assertThat(command.secrets()).isEmpty();
		assertThat(command.correlation()).isEqualTo(
				new SendEmail.Correlation(run, approved.projectId(), approved.primaryContact().contactId()));
		assertThat(wire.sendEmails(workspace)).hasSize(1);
		assertThat(wire.runsFor(approved.eventId())).hasSize(1);
		assertThat(backOffice.get("/api/automations/" + automation + "/runs")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$[*].id", v -> assertThat(v).asList().containsExactly(run.toString()))
			.hasPathSatisfying("$[0].status", v -> assertThat(v).isEqualTo("EMAIL_REQUESTED"))
			.hasPathSatisfying("$[0].triggerEventId", v -> assertThat(v).isEqualTo(approved.eventId().toString()))
			.hasPathSatisfying("$[0].projectId", v -> assertThat(v).isEqualTo(approved.projectId().toString()))
			.hasPathSatisfying("$[0].contactId",
					v -> assertThat(v).isEqualTo(approved.primaryContact().contactId().toString()));
	}

	@Test
	void twoEnabledAutomationsSendTwoEmails() {
		UUID first = backOffice.createAutomation("Welcome", true, "Approved", "First email");
		UUID second = backOffice.createAutomation("Portal link", true, "Your portal", "Second email");
		ProjectApproved approved = projectApproved(workspace, UUID.randomUUID());

		wire.publish(approved);

		ConsumerRecord<String, String> firstEmail = wire.awaitSendEmail(wire.awaitRun(approved.eventId(), first));
		ConsumerRecord<String, String> secondEmail = wire.awaitSendEmail(wire.awaitRun(approved.eventId(), second));
		assertThat(read(firstEmail).get("text").asString()).isEqualTo("First email");
		assertThat(read(secondEmail).get("text").asString()).isEqualTo("Second email");
		assertThat(wire.sendEmails(workspace)).hasSize(2);
	}

	@Test
	void disabledAutomationDoesNotRun() {
		UUID disabled = backOffice.createAutomation("Paused", false, "Approved", "Not now");
		ProjectApproved approved = projectApproved(workspace, UUID.randomUUID());

		wire.awaitProcessed(wire.publish(approved));

		assertThat(wire.runsFor(approved.eventId())).isEmpty();
		assertThat(outboxedEmails(workspace)).isZero();
		assertThat(backOffice.get("/api/automations/" + disabled + "/runs")).bodyJson().isEqualTo("[]");
	}

	@Test
	void automationOfAnotherWorkspaceDoesNotRun() {
		UUID otherWorkspace = UUID.randomUUID();
		BackOffice otherBackOffice = new BackOffice(mvc, otherWorkspace);
		UUID foreign = otherBackOffice.createAutomation("Theirs", true, "Approved", "Not for this workspace");
		UUID own = backOffice.createAutomation("Ours", true, "Approved", "For this workspace");
		ProjectApproved approved = projectApproved(workspace, UUID.randomUUID());

		wire.awaitProcessed(wire.publish(approved));

		assertThat(wire.runsFor(approved.eventId())).extracting(run -> run.get("automation_id")).containsExactly(own);
		assertThat(outboxedEmails(otherWorkspace)).isZero();
		assertThat(otherBackOffice.get("/api/automations/" + foreign + "/runs")).bodyJson().isEqualTo("[]");
	}

	@Test
	void redeliveredProjectApprovedStartsNoSecondRunAndSendsNoSecondEmail() {
		// given two automations that ran for an event
		UUID first = backOffice.createAutomation("Welcome", true, "Approved", "First email");
		UUID second = backOffice.createAutomation("Portal link", true, "Your portal", "Second email");
		ProjectApproved approved = projectApproved(workspace, UUID.randomUUID());
		wire.publish(approved);
		List<UUID> runs = List.of(wire.awaitRun(approved.eventId(), first), wire.awaitRun(approved.eventId(), second));
		ConsumerRecord<String, String> original = wire.topics()
			.await(ProjectTopics.EVENTS, r -> approved.eventId().toString().equals(header(r, "ce_id")));
		runs.forEach(wire::awaitSendEmail);
		double skippedBefore = skippedDuplicates();

		// when it is delivered again with the same ce_id, then resubmitted with a new ce_id
		wire.topics().resend(original);
		wire.awaitProcessed(wire.publish(approved, UUID.randomUUID().toString()));

		// then
		assertThat(skippedDuplicates()).isEqualTo(skippedBefore + 1);
		assertThat(wire.runsFor(approved.eventId())).extracting(run -> run.get("id"))
			.containsExactlyInAnyOrderElementsOf(runs);
		assertThat(outboxedEmails(workspace)).isEqualTo(2);
		assertThat(wire.sendEmails(workspace)).extracting(record -> record.key())
			.containsExactlyInAnyOrder("automation-run:" + runs.get(0), "automation-run:" + runs.get(1));
	}

	@Test
	void projectApprovedWithAFieldAddedLaterStillRuns() {
		UUID automation = backOffice.createAutomation("Welcome", true, "Approved", "Hi");
		ProjectApproved approved = projectApproved(workspace, UUID.randomUUID());
		ObjectNode withNewField = JSON.valueToTree(approved);
		withNewField.put("projectColour", "teal");

		wire.send(ProjectTopics.EVENTS, approved.projectId().toString(), withNewField.toString(),
				approved.eventId().toString(), ProjectTopics.PROJECT_APPROVED, "/project-service", Instant.now());

		wire.awaitSendEmail(wire.awaitRun(approved.eventId(), automation));
	}

	@Test
	void poisonProjectApprovedGoesToTheDeadLetterTopicAndLaterEventsStillRun() {
		// given
		UUID automation = backOffice.createAutomation("Welcome", true, "Approved", "Hi");
		UUID project = UUID.randomUUID();
		String unreadable = UUID.randomUUID().toString();
		String incomplete = UUID.randomUUID().toString();

		// when
		wire.send(ProjectTopics.EVENTS, project.toString(), "{this is not json", unreadable,
				ProjectTopics.PROJECT_APPROVED, "/project-service", Instant.now());
		wire.send(ProjectTopics.EVENTS, project.toString(), "{\"eventId\": \"" + incomplete + "\"}", incomplete,
				ProjectTopics.PROJECT_APPROVED, "/project-service", Instant.now());
		ProjectApproved next = projectApproved(workspace, project);
		wire.publish(next);

		// then
		wire.awaitSendEmail(wire.awaitRun(next.eventId(), automation));
		ConsumerRecord<String, String> dead = wire.topics()
			.await(DEAD_PROJECT_EVENTS, r -> unreadable.equals(header(r, "ce_id")));
		assertThat(dead.key()).isEqualTo(project.toString());
		assertThat(dead.value()).isEqualTo("{this is not json");
		assertThat(header(dead, "ce_type")).isEqualTo(ProjectTopics.PROJECT_APPROVED);
		assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(ProjectTopics.EVENTS);
		wire.topics().await(DEAD_PROJECT_EVENTS, r -> incomplete.equals(header(r, "ce_id")));
	}

	@Test
	void emailSentMarksTheRunSent() {
		// given
		UUID automation = backOffice.createAutomation("Welcome", true, "Approved", "Hi");
		ProjectApproved approved = projectApproved(workspace, UUID.randomUUID());
		wire.publish(approved);
		SendEmail command = JSON.treeToValue(read(wire.awaitSendEmail(wire.awaitRun(approved.eventId(), automation))),
				SendEmail.class);
		Instant sentAt = Instant.parse("2026-11-28T10:00:02Z");
		EmailSent sent = new EmailSent(UUID.randomUUID(), UUID.randomUUID(), command.idempotencyKey(), workspace,
				command.correlation(), 1, sentAt);

		// when
		wire.publishNotification(NotificationTopics.EMAIL_SENT, sent.eventId(), sent.idempotencyKey(), sent);

		// then
		await().atMost(EVENTUALLY)
			.untilAsserted(() -> assertThat(backOffice.get("/api/automations/" + automation + "/runs")).bodyJson()
				.hasPathSatisfying("$[0].status", v -> assertThat(v).isEqualTo("SENT"))
				.hasPathSatisfying("$[0].finishedAt", v -> assertThat(v).isEqualTo(sentAt.toString())));
	}

	@Test
	void emailFailedMarksTheRunFailedWithTheReason() {
		UUID automation = backOffice.createAutomation("Welcome", true, "Approved", "Hi");
		ProjectApproved approved = projectApproved(workspace, UUID.randomUUID());
		wire.publish(approved);
		SendEmail command = JSON.treeToValue(read(wire.awaitSendEmail(wire.awaitRun(approved.eventId(), automation))),
				SendEmail.class);
		EmailFailed failed = new EmailFailed(UUID.randomUUID(), UUID.randomUUID(), command.idempotencyKey(), workspace,
				command.correlation(), 8, "550 mailbox unavailable", Instant.now());

		wire.publishNotification(NotificationTopics.EMAIL_FAILED, failed.eventId(), failed.idempotencyKey(), failed);

		await().atMost(EVENTUALLY)
			.untilAsserted(() -> assertThat(backOffice.get("/api/automations/" + automation + "/runs")).bodyJson()
				.hasPathSatisfying("$[0].status", v -> assertThat(v).isEqualTo("FAILED"))
				.hasPathSatisfying("$[0].failureReason", v -> assertThat(v).isEqualTo("550 mailbox unavailable")));
	}

	@Test
	void emailReportsForUnknownRunsOrAnotherWorkspacesRunAreIgnored() {
		// given a run of this workspace
		UUID automation = backOffice.createAutomation("Welcome", true, "Approved", "Hi");
		ProjectApproved approved = projectApproved(workspace, UUID.randomUUID());
		wire.publish(approved);
		UUID run = wire.awaitRun(approved.eventId(), automation);
		SendEmail.Correlation correlation = new SendEmail.Correlation(run, approved.projectId(),
				approved.primaryContact().contactId());
		EmailSent unknownRun = new EmailSent(UUID.randomUUID(), UUID.randomUUID(), "automation-run:unknown", workspace,
				new SendEmail.Correlation(UUID.randomUUID(), null, null), 1, Instant.now());
		EmailSent signInCode = new EmailSent(UUID.randomUUID(), UUID.randomUUID(), "sign-in-code:1", workspace,
				new SendEmail.Correlation(null, null, null), 1, Instant.now());
		EmailSent otherWorkspace = new EmailSent(UUID.randomUUID(), UUID.randomUUID(), "automation-run:" + run,
				UUID.randomUUID(), correlation, 1, Instant.now());

		// when
		for (EmailSent report : List.of(unknownRun, signInCode, otherWorkspace)) {
			wire.awaitProcessed(wire.publishNotification(NotificationTopics.EMAIL_SENT, report.eventId(),
					report.idempotencyKey(), report));
		}

		// then
		assertThat(wire.runsFor(approved.eventId())).extracting(r -> r.get("status")).containsExactly("EMAIL_REQUESTED");
		assertThat(wire.topics().readAll(DEAD_NOTIFICATION_EVENTS)).extracting(Wire::ceId)
			.doesNotContain(unknownRun.eventId().toString(), signInCode.eventId().toString(),
					otherWorkspace.eventId().toString());
	}

	/** SendEmail commands recorded in the outbox for a workspace: what will be on the wire, sooner or later. */
	private int outboxedEmails(UUID workspaceId) {
		return jdbc.queryForObject(
				"select count(*) from event_publication where event_type = ? and serialized_event like ?",
				Integer.class, SendEmail.class.getName(), "%" + workspaceId + "%");
	}

	private double skippedDuplicates() {
		Counter counter = meters.find("coastline.messaging.duplicates.skipped").tag("group", "automation-service").counter();
		return counter == null ? 0 : counter.count();
	}
}
