package com.coastline.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The flow that must always work, end to end: project-service approves a project (publishing
 * {@code ProjectApproved} through its outbox), automation-service runs the demo workspace's enabled
 * <em>Project approved</em> automations (minting a portal link at identity-service when the email uses one),
 * and notification-service hands each email to the SMTP server. The approvals arrive at the set rate; the
 * figure that matters is not Gatling's (the approve call) but the time from the approval ({@code approved_at}
 * in project-service) to the SMTP server's acceptance ({@code sent_at} of the delivery in notification-service),
 * printed after the load with the ledger: expected emails (approvals × enabled automations), sent, lost and
 * duplicated. With {@code -Dbenchmark.burst=true} all approvals come at once instead ({@link #BURST_INTAKE} at a
 * time, as fast as project-service takes them), and the figure is the time from the first approval to the last email.
 */
public class ApprovalEmailSimulation extends Simulation {

	private static final Load LOAD = Load.fromSystemProperties();

	private static final boolean BURST = Boolean.getBoolean("benchmark.burst");

	/**
	 * A burst's approvals in flight at once: each of these clients approves its share of the projects one after the
	 * other, as fast as project-service answers. Two cores answer far fewer than the 2,000 approval requests a second
	 * an open model would send for 20,000 in 10 s: that measured project-service's door (connections refused once
	 * its 1,000 were taken), not the pipeline behind it. Each client takes the same share: a remainder of the
	 * projects (fewer than this number) is left unapproved, and the ledger counts what was approved.
	 */
	private static final int BURST_INTAKE = Integer.getInteger("benchmark.burst.intake", 50);

	private final String workspace = Setup.demoWorkspace(LOAD);

	// rate × duration: this simulation has no lead-in (its approvals are counted by the ledger, not by Gatling), so
	// Load.requests() would prepare, and a burst approve, twice as many (40,000 instead of 20,000 from session 19 to
	// session 23).
	private final List<String> projects = Setup.newProjects(LOAD, workspace,
			(int) Math.ceil(LOAD.rate() * LOAD.duration().toSeconds()));

	private final Instant loadStarted;

	{
		Setup.awaitConsumersCaughtUp();
		Iterator<Map<String, Object>> feeder = projects.stream().map(id -> Map.<String, Object>of("project", id)).iterator();
		// A burst may outlast a workspace token (5 minutes).
		RenewedToken admin = new RenewedToken("admin", () -> Setup.adminToken(LOAD, workspace));
		var approve = approve().header("Authorization", session -> admin.bearer());
		var approvals = BURST
				? scenario("approve").repeat(projects.size() / BURST_INTAKE).on(feed(feeder).exec(approve))
					.injectOpen(atOnceUsers(BURST_INTAKE))
				: scenario("approve").feed(feeder).exec(approve)
					.injectOpen(constantUsersPerSec(LOAD.rate()).during(LOAD.duration()));
		setUp(approvals)
			.protocols(http.baseUrl(LOAD.projectUrl()).shareConnections())
			.assertions(global().failedRequests().percent().lte(1.0));
		loadStarted = Instant.now();
		Setup.loadStarts();
	}

	@Override
	public void after() {
		try (Connection project = Setup.database(LOAD, "project_service");
				Connection notification = Setup.database(LOAD, "notification_service");
				Connection automation = Setup.database(LOAD, "automation_service")) {
			int automations = count(automation, "select count(*) from automation where workspace_id = ? and enabled"
					+ " and trigger_type = 'PROJECT_APPROVED'", UUID.fromString(workspace));
			Map<UUID, Instant> approvedAt = approvals(project);
			int expected = approvedAt.size() * automations;
			// Wait for quiet: every expected email sent, or nothing new for 60 s.
			List<Instant[]> sent = List.of();
			Instant lastProgress = Instant.now();
			int lastCount = -1;
			while (Duration.between(lastProgress, Instant.now()).toSeconds() < 60) {
				sent = sentEmails(notification, approvedAt);
				if (sent.size() >= expected) {
					break;
				}
				if (sent.size() != lastCount) {
					lastCount = sent.size();
					lastProgress = Instant.now();
				}
				Thread.sleep(500);
			}
			Map<UUID, Integer> perProject = new HashMap<>();
			List<Long> latencies = new ArrayList<>();
			Instant lastSent = loadStarted;
			for (Instant[] email : sent) {
				latencies.add(Duration.between(email[0], email[1]).toMillis());
				lastSent = email[1].isAfter(lastSent) ? email[1] : lastSent;
			}
			Map<String, Integer> inbox = inboxByMessageId();
			long lost = 0;
			long duplicated = 0;
			for (Delivery delivery : deliveries(notification, approvedAt)) {
				perProject.merge(delivery.project(), 1, Integer::sum);
				int received = inbox.getOrDefault(delivery.id().toString(), 0);
				duplicated += Math.max(0, received - 1);
			}
			for (UUID id : approvedAt.keySet()) {
				int deliveries = perProject.getOrDefault(id, 0);
				lost += Math.max(0, automations - deliveries);
				duplicated += Math.max(0, deliveries - automations);
			}
			long notReceived = deliveries(notification, approvedAt).stream()
				.filter(delivery -> !inbox.containsKey(delivery.id().toString()))
				.count();
			lost += notReceived;
			Collections.sort(latencies);
			System.out.printf("> approval to SMTP accepted (ms) | %d | %d | %d |%n", percentile(latencies, 50),
					percentile(latencies, 99), latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1));
			System.out.printf("> emails expected/sent/lost/duplicated (by the SMTP server's inbox) | %d | %d | %d | %d |%n", expected, sent.size(), lost,
					duplicated);
			System.out.printf("> drained (s) after the load started | %.1f |%n",
					Duration.between(loadStarted, lastSent).toMillis() / 1000.0);
			printStages(automation, notification, approvedAt);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Measuring the emails failed", ex);
		}
	}

	/** Approves the session's {@code project} (from a feeder; the workspace's bearer token is the caller's). */
	static HttpRequestActionBuilder approve() {
		return http("approve").post("/api/projects/#{project}/approve").check(status().is(200));
	}

	private Map<UUID, Instant> approvals(Connection project) throws Exception {
		Map<UUID, Instant> approvedAt = new HashMap<>();
		try (PreparedStatement query = project.prepareStatement("select id, approved_at from project where id = any(?)"
				+ " and approved_at is not null")) {
			query.setArray(1, project.createArrayOf("uuid", projects.stream().map(UUID::fromString).toArray()));
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					approvedAt.put(rows.getObject(1, UUID.class), rows.getTimestamp(2).toInstant());
				}
			}
		}
		return approvedAt;
	}

	private record Delivery(UUID id, UUID project) {
	}

	/** The SMTP server's messages by Message-ID ({@code <delivery id@domain>}): the launcher's inbox API. */
	private static Map<String, Integer> inboxByMessageId() throws Exception {
		String inbox = System.getProperty("benchmark.inbox", "http://127.0.0.1:8025");
		try (var client = java.net.http.HttpClient.newHttpClient()) {
			String body = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(inbox + "/api/messages")).build(),
					java.net.http.HttpResponse.BodyHandlers.ofString()).body();
			Map<String, Integer> counts = new HashMap<>();
			var matcher = java.util.regex.Pattern.compile("\"messageId\"\\s*:\\s*\"<([0-9a-f-]{36})@").matcher(body);
			while (matcher.find()) {
				counts.merge(matcher.group(1), 1, Integer::sum);
			}
			return counts;
		}
	}

	/** Every automation email about the approved projects that notification-service recorded. */
	private static List<Delivery> deliveries(Connection notification, Map<UUID, Instant> approvedAt) throws Exception {
		List<Delivery> deliveries = new ArrayList<>();
		try (PreparedStatement query = notification.prepareStatement("select id, project_id from email_delivery"
				+ " where kind = 'AUTOMATION' and project_id = any(?)")) {
			query.setArray(1, notification.createArrayOf("uuid", approvedAt.keySet().toArray()));
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					deliveries.add(new Delivery(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class)));
				}
			}
		}
		return deliveries;
	}

	/** (approved at, SMTP accepted at) of every sent automation email about the approved projects. */
	private static List<Instant[]> sentEmails(Connection notification, Map<UUID, Instant> approvedAt) throws Exception {
		List<Instant[]> sent = new ArrayList<>();
		try (PreparedStatement query = notification.prepareStatement("select project_id, sent_at from email_delivery"
				+ " where kind = 'AUTOMATION' and status = 'SENT' and project_id = any(?)")) {
			query.setArray(1, notification.createArrayOf("uuid", approvedAt.keySet().toArray()));
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					sent.add(new Instant[] { approvedAt.get(rows.getObject(1, UUID.class)), rows.getTimestamp(2).toInstant() });
				}
			}
		}
		return sent;
	}

	/**
	 * Where the time goes, stage by stage (p50 / p99 ms over the sent emails): approved → the run recorded by
	 * automation-service's consumer → its SendEmail requested (the run carried out) → the delivery recorded by
	 * notification-service's consumer → SMTP accepted. Each service stamps its own stage, all on one clock.
	 */
	private static void printStages(Connection automation, Connection notification, Map<UUID, Instant> approvedAt)
			throws Exception {
		Map<UUID, Instant> runStarted = new HashMap<>();
		try (PreparedStatement query = automation.prepareStatement("select id, started_at from automation_run"
				+ " where project_id = any(?)")) {
			query.setArray(1, automation.createArrayOf("uuid", approvedAt.keySet().toArray()));
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					runStarted.put(rows.getObject(1, UUID.class), rows.getTimestamp(2).toInstant());
				}
			}
		}
		String[] names = { "approved -> run recorded", "run recorded -> email requested",
				"email requested -> delivery recorded", "delivery recorded -> SMTP accepted" };
		List<List<Long>> stages = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
		try (PreparedStatement query = notification.prepareStatement("select project_id, automation_run_id, requested_at,"
				+ " created_at, sent_at from email_delivery where kind = 'AUTOMATION' and status = 'SENT' and project_id = any(?)")) {
			query.setArray(1, notification.createArrayOf("uuid", approvedAt.keySet().toArray()));
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					Instant started = runStarted.get(rows.getObject(2, UUID.class));
					if (started == null) {
						continue;
					}
					Instant[] at = { approvedAt.get(rows.getObject(1, UUID.class)), started,
							rows.getTimestamp(3).toInstant(), rows.getTimestamp(4).toInstant(), rows.getTimestamp(5).toInstant() };
					for (int i = 0; i < names.length; i++) {
						stages.get(i).add(Duration.between(at[i], at[i + 1]).toMillis());
					}
				}
			}
		}
		for (int i = 0; i < names.length; i++) {
			List<Long> stage = stages.get(i);
			Collections.sort(stage);
			System.out.printf("> stage %s (ms) | %d | %d |%n", names[i], percentile(stage, 50), percentile(stage, 99));
		}
	}

	private static int count(Connection connection, String sql, UUID workspace) throws Exception {
		try (PreparedStatement query = connection.prepareStatement(sql)) {
			query.setObject(1, workspace);
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

	private static long percentile(List<Long> sorted, int percent) {
		if (sorted.isEmpty()) {
			return -1;
		}
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
	}
}
