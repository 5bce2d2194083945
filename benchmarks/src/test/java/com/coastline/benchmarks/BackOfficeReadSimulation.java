package com.coastline.benchmarks;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A back-office read straight at project-service: JWT validation, tenant-filtered JPA read of the demo
 * project in PostgreSQL, JSON out. (The gateway in front of it comes with its issue.)
 */
public class BackOfficeReadSimulation extends Simulation {

	private static final Load LOAD = Load.fromSystemProperties();

	private static final String SECRET = System.getProperty("benchmark.admin-secret", "local-admin-secret");

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

	private final String token;

	private final String projectId;

	public BackOfficeReadSimulation() {
		String admin = token(null);
		String workspace = first(ID, get(LOAD.identityUrl() + "/api/workspaces?name="
				+ URLEncoder.encode("Summit Roofing (demo)", StandardCharsets.UTF_8), admin));
		// A workspace token lives 5 minutes: enough for the quick and the full profile.
		this.token = token(workspace);
		this.projectId = first(ID, get(LOAD.projectUrl() + "/api/projects?name="
				+ URLEncoder.encode("Roof replacement", StandardCharsets.UTF_8), this.token));
		setUp(scenario("project read").exec(read("project read"))
			.injectOpen(constantUsersPerSec(LOAD.rate()).during(LOAD.duration())))
			.protocols(protocol())
			.assertions(global().failedRequests().percent().lte(1.0));
	}

	private HttpProtocolBuilder protocol() {
		return http.baseUrl(LOAD.projectUrl()).shareConnections().authorizationHeader("Bearer " + token);
	}

	private ChainBuilder read(String name) {
		return exec(http(name).get("/api/projects/" + projectId).check(status().is(200)));
	}

	private static String token(String workspace) {
		String form = "grant_type=client_credentials&scope=admin" + (workspace == null ? "" : "&workspace_id=" + workspace);
		HttpRequest request = HttpRequest.newBuilder(URI.create(LOAD.identityUrl() + "/oauth2/token"))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString(("admin:" + SECRET).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		return first(TOKEN, send(request));
	}

	private static String get(String url, String bearer) {
		return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer).build());
	}

	private static String send(HttpRequest request) {
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
			}
			return response.body();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Setting up the benchmark failed: is the local stack running?", ex);
		}
	}

	private static String first(Pattern pattern, String body) {
		Matcher matcher = pattern.matcher(body);
		if (!matcher.find()) {
			throw new IllegalStateException("Not found in " + body);
		}
		return matcher.group(1);
	}
}
