package com.coastline.benchmarks;

import java.util.List;

import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The portal gateway redeeming a one-tap link for a client at identity-service: a conditional update of
 * the link, a new session row and an audit row, one write transaction per request. Clients hold their
 * own links (a pool of 500: one link redeemed by everyone would measure a single row's lock) and come
 * from many addresses (TEST-NET-3), so per-IP limits, once they exist, stay in force.
 * Target (issue 4): at least 1,500/s saturated, p99 at most 10 ms at 750/s.
 */
public class LinkRedemptionSimulation extends Simulation {

	private static final Load LOAD = Load.fromSystemProperties();

	{
		String gateway = Setup.gatewayToken(LOAD);
		List<String> links = Setup.demoLinkTokens(LOAD, 500);
		setUp(LOAD.run("link redemption", http("link redemption").post("/internal/links/redeem")
			.body(StringBody(session -> Setup.redemption(links.get((int) Math.floorMod(session.userId(), links.size())),
					"203.0.113." + (1 + Math.floorMod(session.userId(), 254)))))
			.asJson()
			.check(status().is(201))))
			.protocols(http.baseUrl(LOAD.identityUrl()).shareConnections().authorizationHeader("Bearer " + gateway))
			.assertions(global().failedRequests().percent().lte(1.0));
		Setup.loadStarts(LOAD.leadIn());
	}
}
