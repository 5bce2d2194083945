package com.coastline.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Automations' emails across real processes, with two replicas of automation-service and of
 * notification-service (each its own JVM on the same database and broker): approvals across several
 * workspaces give each email once; identity-service down while a run prepares its email makes the run
 * wait, and the email goes out once identity is back, with a link that redeems and is the run's only
 * valid one; a notification-service instance killed mid-burst and restarted loses nothing and
 * duplicates at most the emails it had in flight, one per sender worker (notification-service's README,
 * "Exactly once": {@code senders}, 4 by default).
 * <p>
 * The build's shared stack ({@link SharedStack#WHOLE_SYSTEM}), after the pipeline tests and the token attacks.
 */
@Order(3)
class AutomationDeliveryAcrossProcessesTest {

	private static final Duration EMAILS = Duration.ofMinutes(3);

	private static final Duration READY = Duration.ofMinutes(3);

	private static LocalStack stack;

	private static Api api;

	/** notification-service's default {@code coastline.notification.senders}. */
	private static final int NOTIFICATION_SENDERS = 4;

	@BeforeAll
	static void startTheSystemWithTwoAutomationAndTwoNotificationReplicas() {
		stack = SharedStack.WHOLE_SYSTEM.get();
		api = Api.admin(stack.url(Service.IDENTITY));
	}

	/**
	 * Twenty-one approvals in three workspaces with two enabled automations each: exactly two emails per
	 * approval (one per automation), each with its own portal link, none twice.
	 */
	@Test
	@Timeout(value = 6, unit = TimeUnit.MINUTES)
	void twoReplicasOfAutomationAndNotificationSendEachEmailOnce() {
		List<Client> clients = new ArrayList<>();
		for (int w = 1; w <= 3; w++) {
			UUID workspace = newWorkspace("Replicas " + w);
			String token = api.token(workspace);
			createAutomation(token, "Welcome to the portal", DemoSeeder.APPROVAL_SUBJECT);
			createAutomation(token, "Schedule the work", "Let us schedule {{project.name}}");
			for (int p = 1; p <= 7; p++) {
				clients.add(newClient(workspace, token));
			}
		}

		clients.forEach(Client::approve);

		await().atMost(EMAILS).until(() -> {
			Map<String, List<MailInbox.Mail>> inbox = inbox();
			return clients.stream().allMatch(client -> client.mails(inbox).size() >= 2);
		});
		await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30))
			.until(() -> total(clients) == 2 * clients.size());
		Map<String, List<MailInbox.Mail>> inbox = inbox();
		List<MailInbox.Mail> mails = clients.stream().flatMap(client -> client.mails(inbox).stream()).toList();
		for (Client client : clients) {
			assertThat(client.mails(inbox)).extracting(MailInbox.Mail::subject)
				.as("the emails of %s", client.email())
				.containsExactlyInAnyOrder(DemoSeeder.APPROVAL_SUBJECT, "Let us schedule " + client.projectName());
		}
		assertThat(mails.stream().map(MailInbox.Mail::messageId).distinct()).hasSize(2 * clients.size());
		assertThat(mails.stream().map(mail -> PortalLinkInEmail.token(PortalLinkInEmail.url(mail.text()))).distinct())
			.as("one link per run").hasSize(2 * clients.size());
	}

	/**
	 * identity-service is stopped before the approval: the run cannot mint the client's link and waits
	 * (WAITING_FOR_RETRY), no email goes out without it. Once identity is back the email goes out once,
	 * its link redeems, and it is the only valid link automation-service holds for the client.
	 */
	@Test
	@Timeout(value = 6, unit = TimeUnit.MINUTES)
	void identityDownDuringTheRunTheEmailGoesOutWithAValidLinkOnceItIsBack() {
		UUID workspace = newWorkspace("Identity outage");
		String token = api.token(workspace);
		createAutomation(token, "Welcome to the portal", DemoSeeder.APPROVAL_SUBJECT);
		Client client = newClient(workspace, token);
		String links = stack.url(Service.IDENTITY) + "/api/contacts/" + client.contactId() + "/links";
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
			.until(() -> api.get(links, token).status() == 200);
		String runs = stack.url(Service.AUTOMATION) + "/api/projects/" + client.projectId() + "/automation-runs";
		assertThat(Api.items(api.get(runs, token).require(200))).isEmpty();

		ServiceProcess identity = stack.service(Service.IDENTITY);
		identity.stop();
		try {
			client.approve(token);
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
				JsonNode run = Api.first(api.get(runs, token).require(200)).orElse(null);
				return run != null && "WAITING_FOR_RETRY".equals(run.path("status").asString())
						&& run.path("attempts").asInt() >= 2
						&& !run.path("lastError").asString().contains("not known");
			});
			assertThat(client.mails()).as("no email without its link").isEmpty();
		}
		finally {
			identity.start();
			identity.awaitReady(READY);
		}

		await().atMost(EMAILS).until(() -> client.mails().size() == 1);
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> client.mails().size() == 1);
		String admin = api.token(workspace);
		await().atMost(Duration.ofSeconds(60)).until(() -> "SENT"
				.equals(Api.first(api.get(runs, admin).require(200)).orElseThrow().path("status").asString()));
		List<JsonNode> history = Api.items(api.get(runs, admin).require(200));
		assertThat(history).hasSize(1);
		assertThat(history.get(0).path("attempts").asInt()).isGreaterThanOrEqualTo(2);

		String link = PortalLinkInEmail.url(client.mails().get(0).text());
		JsonNode session = PortalLinkInEmail.redeem(stack, link);
		assertThat(session.path("contactId").asString()).isEqualTo(client.contactId().toString());
		List<JsonNode> issued = Api.items(api.get(links, admin).require(200));
		System.out.println("Links of the client after the outage: " + issued);
		assertThat(issued).filteredOn(found -> found.path("active").asBoolean())
			.as("the run's one valid link")
			.singleElement()
			.satisfies(found -> assertThat(found.path("issuedBy").asString()).isEqualTo("automation-service"));
	}

	/**
	 * A burst of forty approvals; once the first email is out, one notification-service instance is
	 * killed (SIGKILL) while the rest of the approvals come in, then started again. Every email arrives,
	 * and at most one arrives twice (the one the dead sender may have handed to SMTP before recording it),
	 * with the same Message-ID.
	 */
	@Test
	@Timeout(value = 8, unit = TimeUnit.MINUTES)
	void aNotificationInstanceKilledMidBurstLosesNothingAndDuplicatesAtMostTheEmailInFlight() {
		UUID workspace = newWorkspace("Crash");
		String token = api.token(workspace);
		createAutomation(token, "Welcome to the portal", DemoSeeder.APPROVAL_SUBJECT);
		List<Client> clients = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			clients.add(newClient(workspace, token));
		}
		ServiceProcess victim = stack.instances(Service.NOTIFICATION).get(1);
		int kills = 0;

		for (int i = 0; i < clients.size(); i++) {
			clients.get(i).approve(token);
			if (i == clients.size() / 2) {
				await().atMost(EMAILS).pollInterval(Duration.ofMillis(50))
					.until(() -> total(clients) > 0);
				victim.kill();
				kills++;
			}
		}
		victim.start();
		victim.awaitReady(READY);

		await().atMost(EMAILS).until(() -> {
			Map<String, List<MailInbox.Mail>> inbox = inbox();
			return clients.stream().noneMatch(client -> client.mails(inbox).isEmpty());
		});
		AtomicInteger last = new AtomicInteger(-1);
		await().during(Duration.ofSeconds(10)).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
			.until(() -> {
				int now = total(clients);
				return last.getAndSet(now) == now;
			});
		Map<String, List<MailInbox.Mail>> inbox = inbox();
		int received = clients.stream().mapToInt(client -> client.mails(inbox).size()).sum();
		int lost = (int) clients.stream().filter(client -> client.mails(inbox).isEmpty()).count();
		int duplicated = received - (clients.size() - lost);
		Set<String> twice = clients.stream()
			.filter(client -> client.mails(inbox).size() > 1)
			.map(Client::email)
			.collect(Collectors.toSet());
		System.out.printf("Ledger after %d kill(s) of %s: %d emails expected, %d received, %d lost, %d duplicated %s%n",
				kills, victim.name(), clients.size(), received, lost, duplicated, twice);
		assertThat(lost).as("lost").isZero();
		assertThat(duplicated).as("duplicates (at most one per sender worker and kill)")
			.isLessThanOrEqualTo(kills * NOTIFICATION_SENDERS);
		for (Client client : clients) {
			assertThat(client.mails(inbox).stream().map(MailInbox.Mail::messageId).distinct())
				.as("a second copy has the first one's Message-ID").hasSize(1);
		}
	}

	/** The emails the clients received (the inbox read once, not once per client). */
	private static int total(List<Client> clients) {
		Map<String, List<MailInbox.Mail>> inbox = inbox();
		return clients.stream().mapToInt(client -> client.mails(inbox).size()).sum();
	}

	/** Every email received so far, by recipient. */
	private static Map<String, List<MailInbox.Mail>> inbox() {
		Map<String, List<MailInbox.Mail>> byRecipient = new HashMap<>();
		for (MailInbox.Mail mail : stack.inbox().mails()) {
			mail.to().forEach(to -> byRecipient.computeIfAbsent(to, t -> new ArrayList<>()).add(mail));
		}
		return byRecipient;
	}

	private static UUID newWorkspace(String name) {
		return UUID.fromString(api.post(stack.url(Service.IDENTITY) + "/api/workspaces",
				Map.of("name", name + " " + UUID.randomUUID(), "timeZone", "America/Chicago", "currency", "USD"),
				api.token()).require(201).get("id").asString());
	}

	/** An enabled Project approved automation whose email has this subject and the demo's body (with the link). */
	private static void createAutomation(String token, String name, String subject) {
		Map<String, Object> action = new LinkedHashMap<>();
		action.put("type", "SEND_EMAIL");
		action.put("subject", subject);
		action.put("body", DemoSeeder.APPROVAL_BODY);
		Map<String, Object> automation = new LinkedHashMap<>(DemoSeeder.approvedProjectAutomation(name));
		automation.put("actions", List.of(action));
		api.post(stack.url(Service.AUTOMATION) + "/api/automations", automation, token).require(201);
	}

	private static Client newClient(UUID workspace, String token) {
		String email = "client-" + UUID.randomUUID() + "@example.com";
		UUID contact = UUID.fromString(api.post(stack.url(Service.PROJECT) + "/api/contacts",
				Map.of("firstName", "Robin", "lastName", "Achterberg", "email", email), token)
			.require(201)
			.get("id")
			.asString());
		String name = "Porch " + UUID.randomUUID().toString().substring(0, 8);
		UUID project = UUID.fromString(api.post(stack.url(Service.PROJECT) + "/api/projects",
				Map.of("name", name, "primaryContactId", contact), token).require(201).get("id").asString());
		return new Client(workspace, email, contact, project, name);
	}

	private record Client(UUID workspaceId, String email, UUID contactId, UUID projectId, String projectName) {

		void approve() {
			approve(api.token(workspaceId));
		}

		void approve(String token) {
			api.post(stack.url(Service.PROJECT) + "/api/projects/" + projectId + "/approve", null, token).require(200);
		}

		List<MailInbox.Mail> mails() {
			return stack.inbox().mailsTo(email);
		}

		List<MailInbox.Mail> mails(Map<String, List<MailInbox.Mail>> inbox) {
			return inbox.getOrDefault(email, List.of());
		}
	}
}
