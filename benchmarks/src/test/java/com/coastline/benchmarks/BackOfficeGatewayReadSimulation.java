package com.coastline.benchmarks;

import java.util.List;

import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A contractor's back-office read the way a browser makes it (issue 12's "back-office gateway → service →
 * PostgreSQL read"): {@code GET /api/projects/{id}} at the back-office gateway with the staff session cookie.
 * The gateway applies its per-IP rate limit, swaps the cookie for a staff JWT at identity-service (on every
 * request: it keeps no token across requests) and passes the call to project-service, which validates the JWT
 * and reads the project, tenant-filtered, from PostgreSQL.
 * <p>
 * The staff are the demo workspace's owner signed in from 20 browsers (20 sessions, each signed in with a real
 * emailed code). The load comes from 2,000 simulated client addresses, sent as {@code X-Forwarded-For}: the
 * gateway must run with {@code server.forward-headers-strategy=native} (as behind a TLS proxy; {@code
 * benchmarks/run} sets it for this simulation), so that its per-IP limit (100 requests a second) stays on without
 * being what is measured.
 * Target (issue 12): 2,000/s with p99 at most 25 ms.
 */
public class BackOfficeGatewayReadSimulation extends Simulation {

	private static final Load LOAD = Load.fromSystemProperties();

	/** The launcher serves the back office on localhost, which browsers treat as secure: the cookie has the prefix. */
	private static final String SESSION_COOKIE = "__Host-coastline-staff-session";

	private static final int ADDRESSES = 2_000;

	{
		String project = Setup.demoProject(LOAD, Setup.adminToken(LOAD, Setup.demoWorkspace(LOAD)));
		List<String> sessions = Setup.demoStaffSessions(LOAD, 20);
		setUp(LOAD.run("back-office read", read(project, sessions)))
			.protocols(http.baseUrl(LOAD.backOfficeUrl()).shareConnections().disableFollowRedirect())
			.assertions(global().failedRequests().percent().lte(1.0));
		Setup.loadStarts(LOAD.leadIn());
	}

	/** One read of the project, by one of the signed-in browsers, from one of the addresses. */
	static HttpRequestActionBuilder read(String project, List<String> sessions) {
		return http("back-office read").get("/api/projects/" + project)
			.header("Cookie", session -> SESSION_COOKIE + "=" + sessions.get((int) Math.floorMod(session.userId(), sessions.size())))
			.header("X-Forwarded-For", session -> "198.18." + Math.floorMod(session.userId(), ADDRESSES) / 250 + "."
					+ (1 + Math.floorMod(session.userId(), ADDRESSES) % 250))
			.check(status().is(200), jsonPath("$.id").is(project));
	}
}
