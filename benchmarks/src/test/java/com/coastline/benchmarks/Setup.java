package com.coastline.benchmarks;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
