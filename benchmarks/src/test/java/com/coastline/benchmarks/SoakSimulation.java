package com.coastline.benchmarks;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * A mixed load held for long (issue 12's soak: 30 minutes, RSS drift under 10 %, error rate under 0.1 %): at the
 * total arrival rate ({@code benchmark.rate}), 40 % signed-in portal homes (500 clients' sessions), 25 % token
 * exchanges (200 other sessions), 25 % back-office reads of the demo project, 8 % email-code requests (unknown
 * addresses, as {@link CodeRequestSimulation}) and 2 % project approvals, each emailing the project's contact
 * through the demo's approval automation (a contact of their own: the demo client's home keeps its few projects).
 * The same requests and checks as the scenarios' own simulations; the client tokens are renewed during the run
 * ({@link RenewedToken}). {@code benchmarks/run} reads each process's RSS at the start and at the end of the measured
 * run; the error rate is Gatling's failed requests over all requests.
 */
public class SoakSimulation extends Simulation {

	private static final Load LOAD = Load.fromSystemProperties();

	private static final double PORTAL_HOME = 0.40;

	private static final double TOKEN_EXCHANGE = 0.25;

	private static final double BACK_OFFICE_READ = 0.25;

	private static final double CODE_REQUEST = 0.08;

	private static final double APPROVAL = 0.02;

	{
		String workspace = Setup.demoWorkspace(LOAD);
		RenewedToken gateway = new RenewedToken("gateway", () -> Setup.gatewayToken(LOAD));
		RenewedToken admin = new RenewedToken("admin", () -> Setup.adminToken(LOAD, workspace));
		List<String> portalSessions = Setup.demoSessions(LOAD, gateway.token(), 500);
		List<String> exchangeSessions = Setup.demoSessions(LOAD, gateway.token(), 200);
		String project = Setup.demoProject(LOAD, admin.token());
		// A few more projects than approvals: a feeder that runs dry fails the run.
		int approvals = (int) Math.ceil(LOAD.rate() * APPROVAL * LOAD.duration().toSeconds()) + 10;
		Iterator<Map<String, Object>> toApprove = Setup.newProjects(LOAD, workspace, approvals)
			.stream()
			.map(id -> Map.<String, Object>of("project", id))
			.iterator();
		Setup.awaitConsumersCaughtUp();

		setUp(held(scenario("soak: portal home").exec(PortalHomeSimulation.home(portalSessions, false)), PORTAL_HOME,
				http.baseUrl(LOAD.portalUrl()).disableFollowRedirect()),
				held(scenario("soak: token exchange")
					.exec(TokenExchangeSimulation.exchange(exchangeSessions).header("Authorization", session -> gateway.bearer())),
						TOKEN_EXCHANGE, http.baseUrl(LOAD.identityUrl())),
				held(scenario("soak: back-office read")
					.exec(BackOfficeReadSimulation.read(project).header("Authorization", session -> admin.bearer())),
						BACK_OFFICE_READ, http.baseUrl(LOAD.projectUrl())),
				held(scenario("soak: code request")
					.exec(CodeRequestSimulation.request(workspace).header("Authorization", session -> gateway.bearer())),
						CODE_REQUEST, http.baseUrl(LOAD.identityUrl())),
				held(scenario("soak: approval").feed(toApprove)
					.exec(ApprovalEmailSimulation.approve().header("Authorization", session -> admin.bearer())), APPROVAL,
						http.baseUrl(LOAD.projectUrl())))
			.assertions(global().failedRequests().percent().lt(0.1));
		Setup.loadStarts();
	}

	/** The scenario at its share of the total rate for the whole run, on its own connection pool. */
	private static PopulationBuilder held(ScenarioBuilder scenario, double share, HttpProtocolBuilder protocol) {
		return scenario.injectOpen(constantUsersPerSec(LOAD.rate() * share).during(LOAD.duration()))
			.protocols(protocol.shareConnections());
	}
}
