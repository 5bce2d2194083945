package com.coastline.benchmarks;

import java.util.List;

import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The portal gateway swapping a client's session for a short-lived ES256 JWT at identity-service: a
 * session lookup in PostgreSQL (its idle-timeout write at most once a minute per session) and one ES256
 * signature per request. Clients hold their own sessions (a pool of 200: one session for everyone would
 * measure a single row), as the gateway's cookies do.
 * Target (issue 4): at least 2,700/s saturated, p99 at most 5 ms at 1,100/s.
 */
public class TokenExchangeSimulation extends Simulation {

	private static final Load LOAD = Load.fromSystemProperties();

	{
		String gateway = Setup.gatewayToken(LOAD);
		List<String> sessions = Setup.demoSessions(LOAD, gateway, Integer.getInteger("benchmark.sessions", 200));
		setUp(LOAD.run("token exchange", exchange(sessions)))
			.protocols(http.baseUrl(LOAD.identityUrl()).shareConnections().authorizationHeader("Bearer " + gateway))
			.assertions(global().failedRequests().percent().lte(1.0));
		Setup.loadStarts(LOAD.leadIn());
	}

	/** One exchange, each simulated client with a session of the pool (the gateway's bearer token is the caller's). */
	static HttpRequestActionBuilder exchange(List<String> sessions) {
		return http("token exchange").post("/internal/sessions/token")
			.body(StringBody(session -> "{\"sessionId\":\"" + sessions.get((int) Math.floorMod(session.userId(),
					sessions.size())) + "\"}"))
			.asJson()
			.check(status().is(200));
	}
}
