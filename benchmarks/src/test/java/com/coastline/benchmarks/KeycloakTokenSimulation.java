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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Keycloak's token endpoint, the peer of identity-service's (issue 4's comparison, issue 12): the realm that
 * {@code benchmarks/keycloak} imports (src/test/resources/keycloak/benchmark-realm.json) signs its access tokens
 * with ES256, as identity-service does. The grant is chosen with {@code -Dbenchmark.grant}:
 * <ul>
 * <li>{@code client_credentials} (default): a confidential client asks for its own token (client secret in a
 * Basic header); the peer of {@link ServiceTokenSimulation}.</li>
 * <li>{@code refresh_token}: a client refreshes a user's session for a new access token (and refresh token);
 * the sessions are opened in the set-up by a pool of password logins ({@code -Dbenchmark.sessions}, 200 by
 * default, as {@link TokenExchangeSimulation}'s pool), each request using one of them. The peer of the session
 * token exchange.</li>
 * <li>{@code password}: a user signs in with a password (direct access grant): a password hash checked and a
 * session created per request; the peer of code verification and link redemption, which create sessions.</li>
 * </ul>
 * No {@code openid} scope is asked for, so no ID token is signed: one ES256 signature per request, as ours.
 * Every answer must be 200 with an access token whose JOSE header says ES256 (checked once with the JDK's client
 * in the set-up, then on every request). Keycloak's address: {@code -Dbenchmark.keycloak}.
 */
public class KeycloakTokenSimulation extends Simulation {

	private static final Load LOAD = Load.fromSystemProperties();

	private static final String KEYCLOAK = System.getProperty("benchmark.keycloak", "http://127.0.0.1:28080");

	private static final String TOKEN_PATH = "/realms/" + System.getProperty("benchmark.keycloak-realm", "benchmark")
			+ "/protocol/openid-connect/token";

	private static final String GRANT = System.getProperty("benchmark.grant", "client_credentials");

	// The local test realm's clients and user (benchmark-realm.json): nothing secret.
	private static final String SERVICE_CLIENT = "benchmark-service";

	private static final String SERVICE_SECRET = "benchmark-service-secret";

	private static final String APP_CLIENT = "benchmark-app";

	private static final String APP_SECRET = "benchmark-app-secret";

	private static final String USERNAME = "dana.reyes";

	private static final String PASSWORD = "dana-password";

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern REFRESH_TOKEN = Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern ALGORITHM = Pattern.compile("\"alg\"\\s*:\\s*\"([^\"]+)\"");

	{
		HttpRequestActionBuilder request = switch (GRANT) {
			case "client_credentials" -> {
				expectEs256(token(SERVICE_CLIENT, SERVICE_SECRET, Map.of("grant_type", "client_credentials")));
				yield checked(http("client_credentials").post(TOKEN_PATH)
					.basicAuth(SERVICE_CLIENT, SERVICE_SECRET)
					.formParam("grant_type", "client_credentials"));
			}
			case "refresh_token" -> {
				List<String> refreshTokens = logins(Integer.getInteger("benchmark.sessions", 200));
				expectEs256(token(APP_CLIENT, APP_SECRET,
						Map.of("grant_type", "refresh_token", "refresh_token", refreshTokens.get(0))));
				yield checked(http("refresh_token").post(TOKEN_PATH)
					.basicAuth(APP_CLIENT, APP_SECRET)
					.formParam("grant_type", "refresh_token")
					.formParam("refresh_token",
							session -> refreshTokens.get((int) Math.floorMod(session.userId(), refreshTokens.size()))));
			}
			case "password" -> {
				expectEs256(token(APP_CLIENT, APP_SECRET, password()));
				yield checked(http("password").post(TOKEN_PATH)
					.basicAuth(APP_CLIENT, APP_SECRET)
					.formParam("grant_type", "password")
					.formParam("username", USERNAME)
					.formParam("password", PASSWORD));
			}
			default -> throw new IllegalArgumentException(
					"benchmark.grant must be client_credentials, refresh_token or password, not " + GRANT);
		};
		setUp(LOAD.run("keycloak " + GRANT, request))
			.protocols(http.baseUrl(KEYCLOAK).shareConnections())
			.assertions(global().failedRequests().percent().lte(1.0));
		Setup.loadStarts(LOAD.leadIn());
	}

	/**
	 * Marks the end of the load (the file named by {@code benchmark.end-marker}) and waits, at most 10 s, until
	 * {@code benchmarks/keycloak} has taken its second CPU snapshot (it deletes the file), so that the Gatling JVM
	 * is still there to be counted.
	 */
	@Override
	public void after() {
		String marker = System.getProperty("benchmark.end-marker");
		if (marker == null) {
			return;
		}
		Path file = Path.of(marker);
		try {
			Files.writeString(file, "");
			long deadline = System.nanoTime() + 10_000_000_000L;
			while (Files.exists(file) && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Status 200 and an access token signed with ES256 (its JOSE header, the token's first segment). */
	private static HttpRequestActionBuilder checked(HttpRequestActionBuilder request) {
		CheckBuilder.Final es256 = regex("\"access_token\"\\s*:\\s*\"([^.\"]+)\\.")
			.transform(KeycloakTokenSimulation::algorithm)
			.is("ES256");
		return request.check(status().is(200), es256);
	}

	private static Map<String, String> password() {
		return Map.of("grant_type", "password", "username", USERNAME, "password", PASSWORD);
	}

	/** Opens {@code count} sessions of the user by password logins (8 at a time): their refresh tokens. */
	private static List<String> logins(int count) {
		long started = System.nanoTime();
		List<String> refreshTokens = new ArrayList<>(count);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> answers = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				answers.add(pool.submit(() -> token(APP_CLIENT, APP_SECRET, password())));
			}
			for (Future<String> answer : answers) {
				refreshTokens.add(first(REFRESH_TOKEN, answer.get()));
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Opening the sessions by password logins failed", ex);
		}
		finally {
			pool.shutdownNow();
		}
		System.out.printf("Opened %d sessions by password logins in %d ms%n", count,
				(System.nanoTime() - started) / 1_000_000L);
		return refreshTokens;
	}

	/** One token request with the JDK's client: the answer's body, which must come with 200. */
	private static String token(String client, String secret, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest.newBuilder(URI.create(KEYCLOAK + TOKEN_PATH))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Asking Keycloak for a token failed: is benchmarks/keycloak's Keycloak running at "
					+ KEYCLOAK + "?", ex);
		}
	}

	private static void expectEs256(String answer) {
		String token = first(ACCESS_TOKEN, answer);
		String algorithm = algorithm(token.substring(0, token.indexOf('.')));
		if (!"ES256".equals(algorithm)) {
			throw new IllegalStateException("Keycloak's access token is signed with " + algorithm
					+ ", not ES256: is the benchmark realm imported with its ecdsa-generated key?");
		}
		System.out.printf("Keycloak's %s access token is signed with %s%n", GRANT, algorithm);
	}

	/** The {@code alg} of a JOSE header (base64url, as the token's first segment). */
	private static String algorithm(String header) {
		return first(ALGORITHM, new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8));
	}

	private static String first(Pattern pattern, String body) {
		Matcher matcher = pattern.matcher(body);
		if (!matcher.find()) {
			throw new IllegalStateException("Not found in " + body);
		}
		return matcher.group(1);
	}
}
