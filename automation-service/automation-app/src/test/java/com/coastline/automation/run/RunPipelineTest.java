package com.coastline.automation.run;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.coastline.automation.AutomationServiceTest;
import com.coastline.automation.BackOffice;
import com.coastline.automation.IdentityStub;
import com.coastline.automation.Wire;
import com.coastline.notification.api.EmailFailed;
import com.coastline.notification.api.NotificationTopics;
import com.coastline.notification.api.SecretSealer;
import com.coastline.notification.api.SendEmail;
import com.coastline.platform.test.security.TestTokens;
import com.coastline.project.api.AppointmentScheduled;
import com.coastline.project.api.ContactArchived;
import com.coastline.project.api.EstimateSent;
import com.coastline.project.api.InvoiceIssued;
import com.coastline.project.api.InvoiceOverdue;
import com.coastline.project.api.ProjectApproved;
import com.coastline.project.api.ProjectTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.coastline.automation.Wire.EVENTUALLY;
import static com.coastline.automation.Wire.JSON;
import static com.coastline.automation.Wire.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs carried out: dynamic values from the directory, the portal link minted at identity-service (stubbed at
 * its HTTP boundary) and sealed, every trigger, waiting and retrying when identity or the data is not there,
 * skipping with a reason, failing after the last attempt, retrying from the back office, previews and test
 * emails, and tenant isolation of the run endpoints.
 */
@AutomationServiceTest
class RunPipelineTest {

	private static final String PORTAL_BODY = "Hi {{client.first_name}},\n\n{{contractor.name}} approved {{project.name}}"
			+ " at {{project.address}}.\nYour portal: {{portal.link}}";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SecretSealer sealer;

	@Autowired
	RunProcessor processor;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	final UUID workspace = UUID.randomUUID();

	final UUID project = UUID.randomUUID();

	final UUID contact = UUID.randomUUID();

	BackOffice backOffice;

	Wire wire;

	@BeforeEach
	void setUp() {
		backOffice = new BackOffice(mvc, workspace);
		wire = new Wire(bootstrapServers, jdbc);
		wire.workspaceCreated(workspace, "Summit Roofing");
	}

	@Test
	void portalLinkIsMintedForTheRunAndTravelsOnlySealed() {
		// given
		UUID automation = backOffice.createAutomation("PROJECT_APPROVED", "Portal", "{{client.first_name}}, your portal",
				PORTAL_BODY);
		ProjectApproved approved = approved();

		// when
		wire.publish(approved);

		// then the email names the values and refers to the link, which only the sealed secret holds
		UUID run = wire.awaitRun(approved.eventId(), automation);
		ConsumerRecord<String, String> record = wire.awaitSendEmail(run);
		SendEmail command = JSON.treeToValue(read(record), SendEmail.class);
		assertThat(command.subject()).isEqualTo("Dana, your portal");
		assertThat(command.text()).isEqualTo("Hi Dana,\n\nSummit Roofing approved Roof replacement at 12 Pine St.\n"
				+ "Your portal: {{secret:portal_link}}");
		assertThat(command.html()).contains("href=\"{{secret:portal_link}}\"");
		assertThat(command.secrets()).singleElement()
			.satisfies(secret -> assertThat(secret.name()).isEqualTo("portal_link"));
		String url = sealer.open(command.commandId(), command.secrets().get(0));
		assertThat(url).startsWith(IdentityStub.LINK_PREFIX);
		assertThat(record.value()).doesNotContain(url).doesNotContain(url.substring(IdentityStub.LINK_PREFIX.length()));
		// minted once, for the client and project, under the run's key
		assertThat(IdentityStub.linkRequests(contact)).singleElement().satisfies(request -> {
			assertThat(request.getHeader("Idempotency-Key")).isEqualTo("automation-run:" + run);
			assertThat(Long.valueOf(request.getHeader("Idempotency-Fence"))).as("the claim's fence").isPositive();
			assertThat(request.getHeader("Authorization")).isEqualTo("Bearer automation-token");
			assertThat(request.getBodyAsString()).contains(project.toString());
		});
		assertThat(runColumn(run, "link_id")).isNotNull();
		assertThat(runColumn(run, "status")).isEqualTo("EMAIL_REQUESTED");
	}

	@Test
	void emailWithoutThePortalLinkMintsNoLink() {
		UUID automation = backOffice.createAutomation("PROJECT_APPROVED", "Thanks", "Thank you", "Hi {{client.first_name}}");
		ProjectApproved approved = approved();

		wire.publish(approved);

		SendEmail command = command(wire.awaitSendEmail(wire.awaitRun(approved.eventId(), automation)));
		assertThat(command.secrets()).isEmpty();
		assertThat(IdentityStub.linkRequests(contact)).isEmpty();
	}

	@Test
	void identityDownMakesTheRunWaitAndTheEmailGoesOutWithALinkOnceItIsBack() {
		// given identity-service failing for this client
		UUID automation = backOffice.createAutomation("PROJECT_APPROVED", "Portal", "Your portal", PORTAL_BODY);
		IdentityStub.failFor(contact, 503);
		ProjectApproved approved = approved();

		// when
		wire.publish(approved);

		// then the run waits, with the reason, and requests no email
		UUID run = wire.awaitRun(approved.eventId(), automation);
		await().atMost(EVENTUALLY).until(() -> ((Number) runColumn(run, "attempts")).intValue() >= 2);
		assertThat(runColumn(run, "status")).isIn("WAITING_FOR_RETRY", "PROCESSING");
		assertThat((String) runColumn(run, "last_error")).contains("identity-service");
		assertThat(wire.sendEmails(workspace)).isEmpty();

		// and when identity is back, one email with a link goes out
		IdentityStub.heal(contact);
		SendEmail command = command(wire.awaitSendEmail(run));
		assertThat(sealer.open(command.commandId(), command.secrets().get(0))).startsWith(IdentityStub.LINK_PREFIX);
		assertThat(wire.sendEmails(workspace)).hasSize(1);
		// every attempt asked under the run's key, so identity keeps only the newest link valid, and each claim under a
		// higher fence, so a late request of an earlier claim cannot revoke the link a later one sent
		assertThat(IdentityStub.linkRequests(contact)).hasSizeGreaterThan(1)
			.allSatisfy(request -> assertThat(request.getHeader("Idempotency-Key")).isEqualTo("automation-run:" + run));
		List<Long> fences = IdentityStub.fences(contact);
		assertThat(fences).isSorted();
		assertThat(fences.getLast()).isGreaterThan(fences.getFirst());
	}

	@Test
	void aLinkRequestThatTimedOutIsNotSentAgainUnderTheSameClaim() {
		// given identity-service answering this client's link requests after its read timeout (5 s)
		UUID automation = backOffice.createAutomation("PROJECT_APPROVED", "Portal", "Your portal", PORTAL_BODY);
		IdentityStub.slowFor(contact, Duration.ofSeconds(6));
		ProjectApproved approved = approved();

		// when the first request times out
		wire.publish(approved);
		UUID run = wire.awaitRun(approved.eventId(), automation);
		await().atMost(EVENTUALLY).until(() -> ((Number) runColumn(run, "attempts")).intValue() >= 1);
		IdentityStub.heal(contact);

		// then the run waited instead of sending it again at once (identity may still carry it out), and the next
		// claim asked under a higher fence; identity refuses the late one if it arrives after the new one
		SendEmail command = command(wire.awaitSendEmail(run));
		assertThat(sealer.open(command.commandId(), command.secrets().get(0))).startsWith(IdentityStub.LINK_PREFIX);
		assertThat(IdentityStub.fences(contact)).hasSizeGreaterThan(1).doesNotHaveDuplicates().isSorted();
	}

	@Test
	void aRequestRefusedAsSupersededMakesTheRunWaitNotSkip() {
		// given identity-service refusing as it refuses a late attempt
		UUID automation = backOffice.createAutomation("PROJECT_APPROVED", "Portal", "Your portal", PORTAL_BODY);
		IdentityStub.supersededFor(contact);
		ProjectApproved approved = approved();

		wire.publish(approved);
		UUID run = wire.awaitRun(approved.eventId(), automation);
		await().atMost(EVENTUALLY).until(() -> ((Number) runColumn(run, "attempts")).intValue() >= 1);
		assertThat(runColumn(run, "status")).isIn("WAITING_FOR_RETRY", "PROCESSING");
		assertThat((String) runColumn(run, "last_error")).contains("later claim");
		IdentityStub.heal(contact);

		wire.awaitSendEmail(run);
		assertThat(runColumn(run, "status")).isEqualTo("EMAIL_REQUESTED");
	}

	@Test
	void runFailsAfterItsLastAttemptAndARetryFromTheBackOfficeSendsItUnderANewKey() {
		// given identity refusing for good (the test context allows 6 attempts)
		UUID automation = backOffice.createAutomation("PROJECT_APPROVED", "Portal", "Your portal", PORTAL_BODY);
		IdentityStub.failFor(contact, 500);
		ProjectApproved approved = approved();
		wire.publish(approved);
		UUID run = wire.awaitRun(approved.eventId(), automation);
		await().atMost(EVENTUALLY).until(() -> "FAILED".equals(runColumn(run, "status")));
		assertThat(backOffice.get("/api/automation-runs/" + run)).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.attempts", v -> assertThat(v).isEqualTo(6))
			.hasPathSatisfying("$.failureReason", v -> assertThat(v).asString().contains("identity-service"));
		assertThat(wire.sendEmails(workspace)).isEmpty();

		// when identity is back and staff retry the run
		IdentityStub.heal(contact);
		assertThat(backOffice.post("/api/automation-runs/" + run + "/retry", "")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.status", v -> assertThat(v).isIn("PENDING", "PROCESSING", "EMAIL_REQUESTED"))
			.hasPathSatisfying("$.retries", v -> assertThat(v).isEqualTo(1));

		// then
		SendEmail command = command(wire.awaitSendEmail(run));
		assertThat(command.idempotencyKey()).isEqualTo("automation-run:" + run + ":retry-1");
		assertThat(backOffice.post("/api/automation-runs/" + run + "/retry", "")).hasStatus(409);
	}

	@Test
	void everyTriggerRunsItsAutomationsForTheProjectsPrimaryContact() {
		// given the project and its client known from project-service's events
		wire.contactUpserted(workspace, contact, "Dana", "Reyes", "dana.reyes@example.com", 1);
		wire.projectUpserted(workspace, project, "Kitchen remodel", "3 Oak Ave", contact, 2);
		Map<String, UUID> automations = Map.of("ESTIMATE_SENT", automation("ESTIMATE_SENT"), "INVOICE_ISSUED",
				automation("INVOICE_ISSUED"), "INVOICE_OVERDUE", automation("INVOICE_OVERDUE"), "APPOINTMENT_SCHEDULED",
				automation("APPOINTMENT_SCHEDULED"));
		UUID estimateSent = UUID.randomUUID();
		UUID invoiceIssued = UUID.randomUUID();
		UUID invoiceOverdue = UUID.randomUUID();
		UUID appointment = UUID.randomUUID();

		// when
		wire.publishProjectEvent(ProjectTopics.ESTIMATE_SENT, project.toString(), estimateSent,
				new EstimateSent(estimateSent, workspace, UUID.randomUUID(), project, contact, 1, "Kitchen", "USD",
						1_250_000, LocalDate.now().plusDays(30), Instant.now()));
		wire.publishProjectEvent(ProjectTopics.INVOICE_ISSUED, project.toString(), invoiceIssued,
				new InvoiceIssued(invoiceIssued, workspace, UUID.randomUUID(), project, contact, null, null, "Deposit",
						"USD", 450_000, LocalDate.now().plusDays(14), Instant.now()));
		wire.publishProjectEvent(ProjectTopics.INVOICE_OVERDUE, project.toString(), invoiceOverdue,
				new InvoiceOverdue(invoiceOverdue, workspace, UUID.randomUUID(), project, contact, "USD", 450_000,
						LocalDate.now().minusDays(1), Instant.now()));
		wire.publishProjectEvent(ProjectTopics.APPOINTMENT_SCHEDULED, project.toString(), appointment,
				new AppointmentScheduled(appointment, workspace, UUID.randomUUID(), project, Instant.now(),
						Instant.now().plusSeconds(3600), "America/New_York", "Sam", 1, Instant.now()));

		// then each automation ran once, for its own trigger, to the primary contact
		Map<String, UUID> events = Map.of("ESTIMATE_SENT", estimateSent, "INVOICE_ISSUED", invoiceIssued,
				"INVOICE_OVERDUE", invoiceOverdue, "APPOINTMENT_SCHEDULED", appointment);
		events.forEach((trigger, event) -> {
			UUID run = wire.awaitRun(event, automations.get(trigger));
			SendEmail command = command(wire.awaitSendEmail(run));
			assertThat(command.subject()).isEqualTo(trigger + " for Dana");
			assertThat(command.recipient()).isEqualTo(new SendEmail.Recipient("dana.reyes@example.com", "Dana Reyes"));
			assertThat(command.text()).isEqualTo("Kitchen remodel, 3 Oak Ave");
			assertThat(wire.runsFor(event)).hasSize(1);
		});
		assertThat(backOffice.get("/api/projects/" + project + "/automation-runs")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.length()", v -> assertThat(v).isEqualTo(4));
	}

	@Test
	void eventThatOvertakesItsClientWaitsForTheClientAndThenSends() {
		UUID automation = automation("ESTIMATE_SENT");
		wire.projectUpserted(workspace, project, "Kitchen remodel", "3 Oak Ave", contact, 1);
		UUID event = UUID.randomUUID();

		wire.publishProjectEvent(ProjectTopics.ESTIMATE_SENT, project.toString(), event,
				new EstimateSent(event, workspace, UUID.randomUUID(), project, contact, 1, "Kitchen", "USD", 100, null,
						Instant.now()));
		UUID run = wire.awaitRun(event, automation);
		await().atMost(EVENTUALLY).until(() -> "WAITING_FOR_RETRY".equals(runColumn(run, "status")));
		assertThat((String) runColumn(run, "last_error")).contains("client");

		wire.contactUpserted(workspace, contact, "Dana", "Reyes", "dana.reyes@example.com", 1);

		assertThat(command(wire.awaitSendEmail(run)).subject()).isEqualTo("ESTIMATE_SENT for Dana");
	}

	@Test
	void archivedClientGetsNoEmailAndTheRunSaysWhy() {
		UUID automation = automation("INVOICE_ISSUED");
		wire.contactUpserted(workspace, contact, "Dana", "Reyes", "dana.reyes@example.com", 1);
		wire.projectUpserted(workspace, project, "Kitchen remodel", null, contact, 1);
		UUID archived = UUID.randomUUID();
		wire.awaitProcessed(wire.publishProjectEvent(ProjectTopics.CONTACT_ARCHIVED, contact.toString(), archived,
				new ContactArchived(archived, workspace, contact, 2, Instant.now())));
		UUID event = UUID.randomUUID();

		wire.publishProjectEvent(ProjectTopics.INVOICE_ISSUED, project.toString(), event,
				new InvoiceIssued(event, workspace, UUID.randomUUID(), project, contact, null, null, "Deposit", "USD", 100,
						null, Instant.now()));

		UUID run = wire.awaitRun(event, automation);
		await().atMost(EVENTUALLY).until(() -> "SKIPPED".equals(runColumn(run, "status")));
		assertThat(runColumn(run, "failure_reason")).isEqualTo("The client is archived.");
		assertThat(wire.sendEmails(workspace)).isEmpty();
	}

	@Test
	void contractorNameAndPhoneComeFromThePortalProfileNewestVersionFirst() {
		UUID automation = backOffice.createAutomation("ESTIMATE_SENT", "Estimate", "From {{contractor.name}}",
				"Call {{contractor.phone}}");
		wire.contactUpserted(workspace, contact, "Dana", "Reyes", "dana.reyes@example.com", 1);
		wire.projectUpserted(workspace, project, "Kitchen remodel", null, contact, 1);
		wire.portalProfileChanged(workspace, "Summit Roofing & Gutters", "(555) 010-2000", 3);
		wire.portalProfileChanged(workspace, "An older name", "(555) 000-0000", 2);
		UUID event = UUID.randomUUID();

		wire.publishProjectEvent(ProjectTopics.ESTIMATE_SENT, project.toString(), event,
				new EstimateSent(event, workspace, UUID.randomUUID(), project, contact, 1, "Kitchen", "USD", 100, null,
						Instant.now()));

		SendEmail command = command(wire.awaitSendEmail(wire.awaitRun(event, automation)));
		assertThat(command.subject()).isEqualTo("From Summit Roofing & Gutters");
		assertThat(command.text()).isEqualTo("Call (555) 010-2000");
	}

	@Test
	void htmlInAClientsNameArrivesAsText() {
		UUID automation = backOffice.createAutomation("ESTIMATE_SENT", "Estimate", "For {{client.first_name}}",
				"{{client.first_name}} {{client.last_name}}: {{project.name}}");
		wire.contactUpserted(workspace, contact, "<script>alert(1)</script>", "O'Brien & Co", "dana@example.com", 1);
		wire.projectUpserted(workspace, project, "Deck {{secret:portal_link}}", null, contact, 1);
		UUID event = UUID.randomUUID();

		wire.publishProjectEvent(ProjectTopics.ESTIMATE_SENT, project.toString(), event,
				new EstimateSent(event, workspace, UUID.randomUUID(), project, contact, 1, "Deck", "USD", 100, null,
						Instant.now()));

		SendEmail command = command(wire.awaitSendEmail(wire.awaitRun(event, automation)));
		assertThat(command.html()).doesNotContain("<script>").contains("&lt;script&gt;").contains("O&#39;Brien &amp; Co");
		assertThat(command.text()).startsWith("<script>alert(1)</script> O'Brien & Co: Deck");
		assertThat(command.subject()).isEqualTo("For <script>alert(1)</script>");
		assertThat(command.text()).doesNotContain("{{secret:");
		assertThat(command.secrets()).isEmpty();
	}

	@Test
	void runLeftProcessingByADeadProcessorIsCarriedOutOnceItsLeaseRunsOut() {
		UUID automation = backOffice.createAutomation("PROJECT_APPROVED", "Portal", "Your portal", PORTAL_BODY);
		ProjectApproved approved = approved();
		wire.publish(approved);
		UUID run = wire.awaitRun(approved.eventId(), automation);
		wire.awaitSendEmail(run);
		// as if a processor had claimed it again and died: leased, the lease already over
		jdbc.update("update automation_run set status = 'PROCESSING', lease_token = ?, lease_until = now() - interval '1 second'"
				+ " where id = ?", UUID.randomUUID(), run);

		await().atMost(EVENTUALLY).until(() -> "EMAIL_REQUESTED".equals(runColumn(run, "status")));
		// the second SendEmail has the same idempotency key: notification-service sends it once
		await().atMost(EVENTUALLY).until(() -> wire.sendEmails(workspace).size() == 2);
		assertThat(wire.sendEmails(workspace)).extracting(ConsumerRecord::key)
			.containsOnly("automation-run:" + run);
	}

	@Test
	void runsWaitingOnASlowIdentityServiceDoNotHoldUpTheRunAfterThem() {
		// given identity-service taking 3 s for two clients' links (its read timeout is 5 s)
		UUID automation = backOffice.createAutomation("PROJECT_APPROVED", "Portal", "Your portal", PORTAL_BODY);
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		IdentityStub.slowFor(first, Duration.ofSeconds(3));
		IdentityStub.slowFor(second, Duration.ofSeconds(3));
		try {
			// when their runs are waiting for identity's answer and a third client's project is approved
			UUID slowRun = wire.awaitRun(publishApprovalFor(first), automation);
			await().atMost(EVENTUALLY).until(() -> !IdentityStub.linkRequests(first).isEmpty());
			UUID otherSlowRun = wire.awaitRun(publishApprovalFor(second), automation);
			await().atMost(EVENTUALLY).until(() -> !IdentityStub.linkRequests(second).isEmpty());
			UUID run = wire.awaitRun(publishApprovalFor(contact), automation);

			// then the third client's email is requested while the other two still wait
			wire.awaitSendEmail(run);
			assertThat(List.of(runColumn(slowRun, "status"), runColumn(otherSlowRun, "status")))
				.as("the runs waiting on identity when the third one's email was requested")
				.containsOnly("PROCESSING");
			wire.awaitSendEmail(slowRun);
			wire.awaitSendEmail(otherSlowRun);
		}
		finally {
			IdentityStub.heal(first);
			IdentityStub.heal(second);
		}
	}

	/** A project of the client approved (a project of its own), published; the event's id. */
	private UUID publishApprovalFor(UUID client) {
		ProjectApproved approved = new ProjectApproved(UUID.randomUUID(), workspace, UUID.randomUUID(), "Roof replacement",
				"12 Pine St", new ProjectApproved.PrimaryContact(client, "Dana", "Reyes", "dana.reyes@example.com"),
				Instant.now(), 3);
		wire.publish(approved);
		return approved.eventId();
	}

	@Test
	void processorsRacingForTheSameRunsRequestEachEmailOnce() throws Exception {
		// given the project and client known, and five runs recorded but not yet due
		UUID automation = backOffice.createAutomation("PROJECT_APPROVED", "Thanks", "Thank you", "Hi");
		ProjectApproved approved = approved();
		wire.publish(approved);
		wire.awaitSendEmail(wire.awaitRun(approved.eventId(), automation));
		List<UUID> runs = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
				UUID.randomUUID());
		for (UUID run : runs) {
			jdbc.update("""
					insert into automation_run (id, workspace_id, automation_id, trigger_type, trigger_event_id, project_id,
					  contact_id, status, attempts, next_attempt_at, retries, started_at, updated_at, version)
					values (?, ?, ?, 'PROJECT_APPROVED', ?, ?, ?, 'PENDING', 0, now() + interval '1 hour', 0, now(), now(), 0)""",
					run, workspace, automation, UUID.randomUUID(), project, contact);
		}

		// when they fall due and two processors race the scheduled one for them
		jdbc.update("update automation_run set next_attempt_at = now() where id = any(?)", (Object) runs.toArray(UUID[]::new));
		CompletableFuture<List<UUID>> first = CompletableFuture.supplyAsync(processor::processDue);
		CompletableFuture<List<UUID>> second = CompletableFuture.supplyAsync(processor::processDue);
		List<UUID> claimed = new java.util.ArrayList<>(first.get());
		claimed.addAll(second.get());

		// then each run's email is requested once, whoever claimed it
		runs.forEach(wire::awaitSendEmail);
		await().during(java.time.Duration.ofSeconds(1)).atMost(EVENTUALLY)
			.until(() -> wire.sendEmails(workspace).size() == runs.size() + 1);
		assertThat(claimed).doesNotHaveDuplicates();
	}

	@Test
	void emailFailureReportedForAnEarlierEmailOfARetriedRunIsIgnored() {
		UUID automation = backOffice.createAutomation("PROJECT_APPROVED", "Thanks", "Thank you", "Hi");
		ProjectApproved approved = approved();
		wire.publish(approved);
		UUID run = wire.awaitRun(approved.eventId(), automation);
		SendEmail first = command(wire.awaitSendEmail(run));
		EmailFailed failed = new EmailFailed(UUID.randomUUID(), UUID.randomUUID(), first.idempotencyKey(), workspace,
				first.correlation(), 10, "550 no such user", Instant.now());
		wire.awaitProcessed(wire.publishNotification(NotificationTopics.EMAIL_FAILED, failed.eventId(),
				failed.idempotencyKey(), failed));
		assertThat(runColumn(run, "status")).isEqualTo("FAILED");
		assertThat(backOffice.post("/api/automation-runs/" + run + "/retry", "")).hasStatusOk();
		await().atMost(EVENTUALLY).until(() -> wire.sendEmails(workspace).size() == 2);

		wire.awaitProcessed(wire.publishNotification(NotificationTopics.EMAIL_FAILED, UUID.randomUUID(),
				failed.idempotencyKey(), new EmailFailed(UUID.randomUUID(), UUID.randomUUID(), first.idempotencyKey(),
						workspace, first.correlation(), 10, "550 again", Instant.now())));

		assertThat(runColumn(run, "status")).isEqualTo("EMAIL_REQUESTED");
	}

	@Test
	void previewRendersTheEmailForARealProjectWithThePortalAddressForTheLink() {
		UUID automation = backOffice.createAutomation("PROJECT_APPROVED", "Portal", "{{client.first_name}}, your portal",
				PORTAL_BODY);
		wire.contactUpserted(workspace, contact, "Dana", "Reyes", "dana.reyes@example.com", 1);
		wire.projectUpserted(workspace, project, "Roof replacement", "12 Pine St", contact, 1);

		assertThat(backOffice.post("/api/automations/" + automation + "/preview", "{\"projectId\": \"" + project + "\"}"))
			.hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.subject", v -> assertThat(v).isEqualTo("Dana, your portal"))
			.hasPathSatisfying("$.recipientEmail", v -> assertThat(v).isEqualTo("dana.reyes@example.com"))
			.hasPathSatisfying("$.text", v -> assertThat(v).isEqualTo(
					"Hi Dana,\n\nSummit Roofing approved Roof replacement at 12 Pine St.\nYour portal: http://localhost:8080"));
		assertThat(IdentityStub.linkRequests(contact)).isEmpty();
		// another workspace's project, an unknown one, no body
		assertThat(backOffice.post("/api/automations/" + automation + "/preview",
				"{\"projectId\": \"" + UUID.randomUUID() + "\"}")).hasStatus(404);
		assertThat(backOffice.post("/api/automations/" + automation + "/preview", "{}")).hasStatus(400);
		assertThat(new BackOffice(mvc, UUID.randomUUID()).post("/api/automations/" + automation + "/preview",
				"{\"projectId\": \"" + project + "\"}")).hasStatus(404);
	}

	@Test
	void testEmailGoesToTheStaffMembersOwnAddressOnly() {
		UUID automation = backOffice.createAutomation("PROJECT_APPROVED", "Portal", "Your portal", PORTAL_BODY);
		wire.contactUpserted(workspace, contact, "Dana", "Reyes", "dana.reyes@example.com", 1);
		wire.projectUpserted(workspace, project, "Roof replacement", "12 Pine St", contact, 1);
		BackOffice withEmail = new BackOffice(mvc,
				TestTokens.staff(workspace).roles("staff").claim("email", "sam@summit.example").bearer());
		String request = "{\"projectId\": \"" + project + "\"}";

		assertThat(backOffice.post("/api/automations/" + automation + "/test", request)).hasStatus(422);
		assertThat(withEmail.post("/api/automations/" + automation + "/test", request)).hasStatus(202);

		ConsumerRecord<String, String> record = wire.topics()
			.await(NotificationTopics.COMMANDS, r -> workspace.toString().equals(read(r).path("workspaceId").asString()));
		SendEmail command = command(record);
		assertThat(command.recipient().email()).isEqualTo("sam@summit.example");
		assertThat(command.kind().name()).isEqualTo("TEST");
		assertThat(command.subject()).isEqualTo("[Test] Your portal");
		assertThat(command.secrets()).isEmpty();
		assertThat(IdentityStub.linkRequests(contact)).isEmpty();
	}

	@Test
	void runEndpointsAnswer404ForAnotherWorkspacesRun() {
		UUID automation = backOffice.createAutomation("PROJECT_APPROVED", "Thanks", "Thank you", "Hi");
		ProjectApproved approved = approved();
		wire.publish(approved);
		UUID run = wire.awaitRun(approved.eventId(), automation);
		BackOffice other = new BackOffice(mvc, UUID.randomUUID());

		assertThat(other.get("/api/automation-runs/" + run)).hasStatus(404);
		assertThat(other.post("/api/automation-runs/" + run + "/retry", "")).hasStatus(404);
		assertThat(other.get("/api/projects/" + project + "/automation-runs")).bodyJson().isEqualTo("[]");
		assertThat(other.get("/api/automation-runs/not-a-uuid")).hasStatus(400);
		assertThat(mvc.get().uri("/api/automation-runs/" + run)
			.header("Authorization", TestTokens.client(workspace, contact).bearer())).hasStatus(403);
	}

	private UUID automation(String trigger) {
		return backOffice.createAutomation(trigger, trigger, trigger + " for {{client.first_name}}",
				"{{project.name}}, {{project.address}}");
	}

	private ProjectApproved approved() {
		return new ProjectApproved(UUID.randomUUID(), workspace, project, "Roof replacement", "12 Pine St",
				new ProjectApproved.PrimaryContact(contact, "Dana", "Reyes", "dana.reyes@example.com"), Instant.now(), 3);
	}

	private Object runColumn(UUID run, String column) {
		return jdbc.queryForMap("select " + column + " from automation_run where id = ?", run).get(column);
	}

	private static SendEmail command(ConsumerRecord<String, String> record) {
		return JSON.treeToValue(read(record), SendEmail.class);
	}
}
