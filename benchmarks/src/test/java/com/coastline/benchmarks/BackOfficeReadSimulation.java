package com.coastline.benchmarks;

import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A back-office read straight at project-service: JWT validation, tenant-filtered JPA read of the demo
 * project in PostgreSQL, JSON out. (The gateway in front of it comes with its issue.)
 */
public class BackOfficeReadSimulation extends Simulation {

	private static final Load LOAD = Load.fromSystemProperties();

	{
		// A workspace token lives 5 minutes: longer than any single run of the harness.
		String token = Setup.adminToken(LOAD, Setup.demoWorkspace(LOAD));
		String project = Setup.demoProject(LOAD, token);
		setUp(LOAD.run("project read", read(project)))
			.protocols(http.baseUrl(LOAD.projectUrl()).shareConnections().authorizationHeader("Bearer " + token))
			.assertions(global().failedRequests().percent().lte(1.0));
		Setup.loadStarts(LOAD.leadIn());
	}

	/** One read of the project (the workspace's bearer token is the caller's). */
	static HttpRequestActionBuilder read(String project) {
		return http("project read").get("/api/projects/" + project).check(status().is(200));
	}
}
