package com.coastline.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import com.coastline.notification.api.SecretSealer;
import com.coastline.notification.api.SendEmail;

/**
 * What a simulation needs before the load starts, fetched through the public APIs of the system the
 * launcher started: tokens of the local clients and the demo data the launcher seeded.
 */
final class Setup {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

	private Setup() {
	}

	/** An admin client token, for one workspace when given (a workspace token lives 5 minutes). */
	static String adminToken(Load load, String workspace) {
		return clientToken(load, "admin", System.getProperty("benchmark.admin-secret", "local-admin-secret"),
				"admin" + (workspace == null ? "" : "&workspace_id=" + workspace));
	}

	/** The portal gateway's client token, for the sign-in operations. */
	static String gatewayToken(Load load) {
		return clientToken(load, "portal-gateway",
				System.getProperty("benchmark.gateway-secret", "local-portal-gateway-secret"), "gateway");
	}

	static String demoWorkspace(Load load) {
		return id(get(load.identityUrl() + "/api/workspaces?name=" + query("Summit Roofing (demo)"), adminToken(load, null)));
	}

	static String demoProject(Load load, String workspaceToken) {
		return id(get(load.projectUrl() + "/api/projects?name=" + query("Roof replacement"), workspaceToken));
	}

	static String demoContact(Load load, String workspaceToken) {
		return id(get(load.projectUrl() + "/api/contacts?email=" + query("dana.reyes@example.com"), workspaceToken));
	}

	/** A new contact of the workspace (its own email address), for projects only a benchmark uses. */
	static String newContact(Load load, String workspaceToken) {
		String email = "approvals-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		return id(send(HttpRequest.newBuilder(URI.create(load.projectUrl() + "/api/contacts"))
			.header("Authorization", "Bearer " + workspaceToken)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"firstName\":\"Avery\",\"lastName\":\"Benchmark\",\"email\":\"" + email + "\"}"))
			.build(), 201));
	}

	/** A fresh one-tap link of the demo contact: its token. */
	static String demoLinkToken(Load load) {
		return demoLinkTokens(load, 1).get(0);
	}

	/** Fresh one-tap links of the demo contact, as many clients each holding their own. */
	static List<String> demoLinkTokens(Load load, int count) {
		String workspaceToken = adminToken(load, demoWorkspace(load));
		String contact = demoContact(load, workspaceToken);
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			tokens.add(issueLink(load, workspaceToken, contact));
		}
		return tokens;
	}

	private static String issueLink(Load load, String workspaceToken, String contact) {
		String issued = send(HttpRequest.newBuilder(URI.create(load.identityUrl() + "/api/contacts/" + contact + "/links"))
			.header("Authorization", "Bearer " + workspaceToken)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build(), 201);
		return first(Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\""), issued);
	}

	/** A session of the demo contact, as the portal gateway gets it by redeeming a link. */
	static String demoSession(Load load, String gatewayToken) {
		String started = send(HttpRequest.newBuilder(URI.create(load.identityUrl() + "/internal/links/redeem"))
			.header("Authorization", "Bearer " + gatewayToken)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(redemption(demoLinkToken(load), "203.0.113.1")))
			.build(), 201);
		return first(Pattern.compile("\"sessionId\"\\s*:\\s*\"([^\"]+)\""), started);
	}

	/** Sessions of the demo contact, as many clients each holding their own (one link redeemed that often). */
	static List<String> demoSessions(Load load, String gatewayToken, int count) {
		String link = demoLinkToken(load);
		List<String> sessions = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String started = send(HttpRequest.newBuilder(URI.create(load.identityUrl() + "/internal/links/redeem"))
				.header("Authorization", "Bearer " + gatewayToken)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(redemption(link, "203.0.113." + (1 + i % 254))))
				.build(), 201);
			sessions.add(first(Pattern.compile("\"sessionId\"\\s*:\\s*\"([^\"]+)\""), started));
		}
		return sessions;
	}

	/** A code to verify: its attempt (the gateway's pre-session cookie), the code, and the address that asked. */
	record Code(String attempt, String code, String ip) {
	}

	private static final Pattern ATTEMPT = Pattern.compile("\"attempt\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern CODE_EMAIL = Pattern.compile("\"commandId\"\\s*:\\s*\"([0-9a-f-]{36})\"[\\s\\S]*?"
			+ "\"idempotencyKey\"\\s*:\\s*\"sign-in-code:([0-9a-f-]{36})\"[\\s\\S]*?\"keyId\"\\s*:\\s*\"([^\"]+)\""
			+ "\\s*,\\s*\"ciphertext\"\\s*:\\s*\"([^\"]+)\"");

	/**
	 * Real email codes for the demo contact, {@code count} of them, each asked for from its own address
	 * (so that no per-IP or per-source limit holds one back): requested through the gateway's API, read
	 * sealed from identity's outbox ({@code event_publication}) and opened with the local sealing key. Then
	 * waits until notification-service has sent them, so that the emails stay out of the measured run.
	 */
	static List<Code> demoCodes(Load load, String gatewayToken, int count) {
		String workspace = demoWorkspace(load);
		String email = System.getProperty("benchmark.code-email", "dana.reyes@example.com");
		return codes(load, count, "/internal/codes", gatewayToken,
				"{\"workspaceId\":\"" + workspace + "\",\"email\":\"" + email + "\"");
	}

	/**
	 * Staff sessions of the demo workspace's owner, {@code count} of them, as that many browsers signed in to the
	 * back office: each asks identity for a real code from its own address, as the back-office gateway does, and
	 * verifies it. The values are the session ids the gateway keeps in its staff session cookie.
	 */
	static List<String> demoStaffSessions(Load load, int count) {
		String token = clientToken(load, "backoffice-gateway",
				System.getProperty("benchmark.backoffice-gateway-secret", "local-backoffice-gateway-secret"), "staff-gateway");
		String email = System.getProperty("benchmark.staff-email", "sam.ortiz@summit-roofing.example");
		List<String> sessions = new ArrayList<>();
		for (Code code : codes(load, count, "/internal/staff/codes", token, "{\"email\":\"" + email + "\"")) {
			String started = send(HttpRequest.newBuilder(URI.create(load.identityUrl() + "/internal/staff/codes/verify"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"attempt\":\"%s\",\"code\":\"%s\",\"ip\":\"%s\",\"userAgent\":\"Coastline benchmark\"}"
							.formatted(code.attempt(), code.code(), code.ip())))
				.build(), 201);
			sessions.add(first(Pattern.compile("\"sessionId\"\\s*:\\s*\"([^\"]+)\""), started));
		}
		return sessions;
	}

	/**
	 * {@code count} real codes, each asked for at identity's {@code path} (with the caller's token and a body that
	 * starts with {@code bodyStart}, completed with the address and user agent) from its own address, then read
	 * sealed from identity's outbox, opened, and emailed before this returns.
	 */
	private static List<Code> codes(Load load, int count, String path, String callerToken, String bodyStart) {
		String run = HexFormat.of().toHexDigits((short) new SecureRandom().nextInt());
		Timestamp since; // the database's clock: the rows of this run are those written after it
		try (Connection identity = database(load, "identity_service");
				ResultSet now = identity.createStatement().executeQuery("select now() - interval '1 second'")) {
			now.next();
			since = now.getTimestamp(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read identity's database at " + load.database(), ex);
		}
		long started = System.nanoTime();
		Map<String, String[]> attempts = new HashMap<>(); // SHA-256 of the attempt (hex) -> attempt, ip
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try (HttpClient client = HttpClient.newHttpClient()) {
			List<Future<String[]>> requested = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String ip = "2001:db8:" + run + "::" + Integer.toHexString(i + 1);
				String body = bodyStart + ",\"ip\":\"%s\",\"userAgent\":\"Coastline benchmark\"}".formatted(ip);
				requested.add(pool.submit(() -> new String[] { first(ATTEMPT, send(client,
						HttpRequest.newBuilder(URI.create(load.identityUrl() + path))
							.header("Authorization", "Bearer " + callerToken)
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(body))
							.build(), 202)), ip }));
			}
			for (Future<String[]> attempt : requested) {
				String[] value = attempt.get();
				attempts.put(HexFormat.of().formatHex(sha256(value[0])), value);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Asking for codes failed", ex);
		}
		finally {
			pool.shutdownNow();
		}
		System.out.printf("Asked for %d codes in %d s%n", count, (System.nanoTime() - started) / 1_000_000_000L);
		SecretSealer sealer = SecretSealer.of(null, Map.of(System.getProperty("benchmark.sealing-key-id", "local-1"),
				System.getProperty("benchmark.sealing-key", "Yx2mXb6Yk3c8mD1vQ0nqB1m0a3d3b3Zc9pX6z0r2T1s")));
		List<Code> codes = new ArrayList<>();
		List<String> emails = new ArrayList<>();
		try (Connection identity = database(load, "identity_service")) {
			Map<String, String> attemptOfCode = new HashMap<>(); // code id -> attempt hash (hex)
			try (PreparedStatement query = identity.prepareStatement("select c.id, a.secret_hash from sign_in_code c"
					+ " join sign_in_attempt a on a.id = c.attempt_id where a.created_at >= ? and c.used_at is null")) {
				query.setTimestamp(1, since);
				try (ResultSet rows = query.executeQuery()) {
					while (rows.next()) {
						attemptOfCode.put(rows.getString(1), HexFormat.of().formatHex(rows.getBytes(2)));
					}
				}
			}
			try (PreparedStatement query = identity.prepareStatement("select serialized_event from event_publication"
					+ " where publication_date >= ? and event_type like '%SendEmail'")) {
				query.setTimestamp(1, since);
				try (ResultSet rows = query.executeQuery()) {
					while (rows.next()) {
						Matcher sealed = CODE_EMAIL.matcher(rows.getString(1));
						if (!sealed.find()) {
							continue;
						}
						String[] attempt = attempts.get(attemptOfCode.get(sealed.group(2)));
						if (attempt == null) {
							continue; // another run's
						}
						String code = sealer.open(UUID.fromString(sealed.group(1)),
								new SendEmail.EncryptedSecret("code", sealed.group(3), sealed.group(4)));
						codes.add(new Code(attempt[0], code, attempt[1]));
						emails.add("sign-in-code:" + sealed.group(2));
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Reading the codes from identity's outbox failed", ex);
		}
		if (codes.size() < count) {
			throw new IllegalStateException("Found " + codes.size() + " of " + count + " codes in identity's outbox");
		}
		awaitSent(load, emails);
		return codes;
	}

	/** Waits (at most benchmark.drain-seconds, 900 by default) until notification-service has sent these emails. */
	private static void awaitSent(Load load, List<String> idempotencyKeys) {
		long started = System.nanoTime();
		long deadline = started + Long.getLong("benchmark.drain-seconds", 900) * 1_000_000_000L;
		try (Connection notification = database(load, "notification_service");
				PreparedStatement query = notification.prepareStatement("select count(*) from email_delivery"
						+ " where idempotency_key = any(?) and status in ('SENT', 'FAILED')")) {
			query.setArray(1, notification.createArrayOf("text", idempotencyKeys.toArray()));
			int done = 0;
			while (System.nanoTime() < deadline) {
				try (ResultSet count = query.executeQuery()) {
					count.next();
					done = count.getInt(1);
				}
				if (done >= idempotencyKeys.size()) {
					System.out.printf("notification-service sent the %d code emails in %d s%n", done,
							(System.nanoTime() - started) / 1_000_000_000L);
					return;
				}
				Thread.sleep(2_000);
			}
			System.out.printf("notification-service had sent %d of %d code emails when the wait ended%n", done,
					idempotencyKeys.size());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Reading notification's deliveries failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Projects per client in {@link #newProjects}: a busy client's, not thousands of one client's. */
	static final int PROJECTS_PER_CONTACT = 10;

	/**
	 * New projects of the demo workspace, ready to be approved, each client (new contacts of their own, not the demo
	 * client, whose portal home other scenarios load) with {@value #PROJECTS_PER_CONTACT} of them, handed out in turn
	 * so that approvals in a row are different clients'. Until session 25 every project had the same client, whose
	 * thousands of links then made each link request read all of them and queue on that one client's lock at
	 * identity-service. Created in parallel ({@link #createAll}).
	 */
	static List<String> newProjects(Load load, String workspace, int count) {
		List<String> contacts = createAll(load, workspace, (count + PROJECTS_PER_CONTACT - 1) / PROJECTS_PER_CONTACT,
				"contacts", (token, i) -> newContact(load, token));
		try (HttpClient client = HttpClient.newHttpClient()) {
			return createAll(load, workspace, count, "projects", (token, i) -> {
				String body = "{\"name\":\"Benchmark project %d\",\"primaryContactId\":\"%s\"}".formatted(i,
						contacts.get(i % contacts.size()));
				return id(send(client, HttpRequest.newBuilder(URI.create(load.projectUrl() + "/api/projects"))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), 201));
			});
		}
	}

	/**
	 * {@code count} things of the workspace, the i-th made by {@code one} with a workspace token, 16 at a time, with a
	 * fresh token per thousand (one lives 5 minutes); their ids in order.
	 */
	private static List<String> createAll(Load load, String workspace, int count, String what,
			BiFunction<String, Integer, String> one) {
		List<String> ids = new ArrayList<>(count);
		try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
			for (int start = 0; start < count; start += 1000) {
				String token = adminToken(load, workspace);
				List<Future<String>> created = new ArrayList<>();
				for (int i = start; i < Math.min(count, start + 1000); i++) {
					int n = i;
					created.add(pool.submit(() -> one.apply(token, n)));
				}
				for (Future<String> id : created) {
					ids.add(id.get());
				}
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Creating the benchmark's " + what + " failed", ex);
		}
		return ids;
	}

	/**
	 * Waits until every consumer group has read everything on its topics (no lag), at most 10 minutes: the
	 * set-up's own events (a project created for each approval, say) are digested before the load starts,
	 * so that the measured run is not a backlog of the set-up's work.
	 */
	static void awaitConsumersCaughtUp() {
		String bootstrap = System.getProperty("benchmark.kafka", "127.0.0.1:19092");
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
			long lag;
			do {
				lag = 0;
				for (var group : admin.listConsumerGroups().all().get()) {
					Map<TopicPartition, OffsetAndMetadata> committed = admin
						.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
					Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
					committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
					var ends = admin.listOffsets(latest).all().get();
					for (var entry : committed.entrySet()) {
						if (entry.getValue() != null) {
							lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
						}
					}
				}
				if (lag > 0) {
					System.out.println("Waiting for the consumers to catch up with the set-up: " + lag + " records behind");
					Thread.sleep(2000);
				}
			}
			while (lag > 0 && System.nanoTime() < deadline);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not read the consumer groups' lag", ex);
		}
	}

	static Connection database(Load load, String name) throws SQLException {
		return DriverManager.getConnection(load.database() + name, System.getProperty("benchmark.database-user", "postgres"),
				System.getProperty("benchmark.database-password", "postgres"));
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Marks the end of the set-up: {@code benchmarks/run} measures the processes' CPU from here (the file
	 * named by {@code benchmark.marker}) to the end of the load.
	 */
	static void loadStarts() {
		String marker = System.getProperty("benchmark.marker");
		if (marker != null) {
			try {
				Files.writeString(Path.of(marker), "");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/** {@link #loadStarts()} once the run's lead-in ({@link Load#leadIn()}) is over: the measured part's start. */
	static void loadStarts(Duration leadIn) {
		if (!leadIn.isPositive()) {
			loadStarts();
			return;
		}
		Thread.ofPlatform().daemon().start(() -> {
			try {
				Thread.sleep(leadIn.toMillis());
				loadStarts();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
	}

	static String redemption(String linkToken, String ip) {
		return "{\"token\":\"%s\",\"ip\":\"%s\",\"userAgent\":\"Coastline benchmark\"}".formatted(linkToken, ip);
	}

	private static String clientToken(Load load, String client, String secret, String scopeAndMore) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(load.identityUrl() + "/oauth2/token"))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scopeAndMore))
			.build();
		return first(ACCESS_TOKEN, send(request, 200));
	}

	private static String get(String url, String bearer) {
		return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer).build(), 200);
	}

	private static String send(HttpRequest request, int expected) {
		try (HttpClient client = HttpClient.newHttpClient()) {
			return send(client, request, expected);
		}
	}

	private static String send(HttpClient client, HttpRequest request, int expected) {
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != expected) {
				throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Setting up the benchmark failed: is the local stack running?", ex);
		}
	}

	private static String query(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String id(String body) {
		return first(ID, body);
	}

	private static String first(Pattern pattern, String body) {
		Matcher matcher = pattern.matcher(body);
		if (!matcher.find()) {
			throw new IllegalStateException("Not found in " + body);
		}
		return matcher.group(1);
	}
}
