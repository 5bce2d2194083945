package com.coastline.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The demo client's portal home, signed in: portal-service swaps the session cookie for a client JWT at
 * identity-service, asks project-service for the overview and renders the page. Clients hold their own
 * sessions (a pool of 500) and send the session cookie as a browser does; every request must be the
 * signed-in home, not the sign-in page. (Viewing a page has no per-IP limit, so the load comes from one
 * address.)
 * <p>
 * With {@code -Dbenchmark.stall=project} (env {@code BENCHMARK_STALL=project} in {@code benchmarks/run}) the
 * project-service process is stopped ({@code SIGSTOP}) for 2 s in the middle of the measured run and then
 * resumed: the pages must come back, greyed out, within the portal's service timeout.
 * Targets (issue 8): 250/s with p99 at most 100 ms; one stalled service, the page within 800 ms.
 */
public class PortalHomeSimulation extends Simulation {

	private static final Load LOAD = Load.fromSystemProperties();

	/** The launcher serves the portal on localhost, which browsers treat as secure: the cookie has the prefix. */
	private static final String SESSION_COOKIE = "__Host-coastline-portal-session";

	/** What the home says instead of the client's projects when project-service did not answer in time. */
	private static final String DEGRADED = "We cannot show your projects";

	private static final String STALLED = System.getProperty("benchmark.stall", "");

	private static final boolean WARM_UP = Boolean.getBoolean("benchmark.warmup");

	{
		String gateway = Setup.gatewayToken(LOAD);
		List<String> sessions = Setup.demoSessions(LOAD, gateway, 500);
		// The warm-up climbs to the rate: at full rate at once, the cold services' first calls answer late
		// and the portal's circuit to project-service opens before anything is warm.
		setUp(WARM_UP ? List.of(scenario("portal home").exec(home(sessions, false))
			.injectOpen(rampUsersPerSec(LOAD.rate() / 10).to(LOAD.rate()).during(LOAD.duration())))
				: LOAD.run("portal home", home(sessions, !STALLED.isEmpty())))
			.protocols(http.baseUrl(LOAD.portalUrl()).shareConnections().disableFollowRedirect())
			.assertions(global().failedRequests().percent().lte(1.0));
		Setup.loadStarts(LOAD.leadIn());
		if (!STALLED.isEmpty()) {
			stallHalfway(STALLED, LOAD.leadIn(), LOAD.duration());
		}
	}

	/**
	 * One home page, each simulated client with a session of the pool (its cookie, as a browser sends it). It must be
	 * the signed-in home, not the sign-in page; and, unless a service is stalled on purpose, the whole home: a page
	 * with the projects' section greyed out (project-service late, failed, or its circuit open) counts as a failure.
	 */
	static HttpRequestActionBuilder home(List<String> sessions, boolean stalled) {
		return http("portal home").get("/p/summit-roofing/")
			.header("Cookie", session -> SESSION_COOKIE + "=" + sessions.get((int) Math.floorMod(session.userId(), sessions.size())))
			.check(checks(stalled));
	}

	private static List<CheckBuilder> checks(boolean stalled) {
		List<CheckBuilder> checks = new ArrayList<>(List.of(status().is(200), substring("Your projects")));
		if (!stalled) {
			checks.add(substring(DEGRADED).notExists());
		}
		return checks;
	}

	/** Stops the service's JVM for 2 s when half the run is over, then lets it go on. */
	private static void stallHalfway(String service, Duration leadIn, Duration run) {
		Thread.ofPlatform().daemon().start(() -> {
			try {
				Thread.sleep(leadIn.toMillis() + run.toMillis() / 2);
				signal("STOP", service);
				Thread.sleep(2_000);
				signal("CONT", service);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				signal("CONT", service);
			}
		});
	}

	private static void signal(String signal, String service) {
		try {
			new ProcessBuilder("pkill", "-" + signal, "-f", service + "-app-0.1.0-SNAPSHOT.jar").inheritIO().start().waitFor();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not signal " + service + "-service", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
