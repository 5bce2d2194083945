package com.coastline.benchmarks;

import io.gatling.javaapi.http.HttpRequestActionBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * identity-service issuing ES256 client-credentials tokens (Spring Authorization Server): the figure to
 * set beside Keycloak's client-credentials rate, and the floor under the session token exchange.
 */
public class ServiceTokenSimulation extends Simulation {

	private static final Load LOAD = Load.fromSystemProperties();

	private static final String SECRET = System.getProperty("benchmark.admin-secret", "local-admin-secret");

	private static HttpRequestActionBuilder token(String name) {
		return http(name).post("/oauth2/token")
			.basicAuth("admin", SECRET)
			.formParam("grant_type", "client_credentials")
			.check(status().is(200));
	}

	private final HttpProtocolBuilder protocol = http.baseUrl(LOAD.identityUrl()).shareConnections();

	{
		setUp(LOAD.run("service token", token("service token")))
			.protocols(protocol)
			.assertions(global().failedRequests().percent().lte(1.0));
		Setup.loadStarts(LOAD.leadIn());
	}
}
