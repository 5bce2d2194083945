package com.coastline.benchmarks;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The portal gateway asking identity-service for a client's email code ({@code POST /internal/codes} with the
 * gateway's token, the client's IP and user agent relayed in the body, as the portal's sign-in page does): the
 * per-IP window, the per-(email, source) limits, a new attempt and its code (HMAC) rows, the audit. The API
 * answers {@code 202 {attempt, expiresAt}} whether or not the email is on file; every request must get it.
 * <p>
 * The addresses are <em>unknown</em> ones ({@code nobody-<run>-<n>@example.com}, 1,000 of them per run), not the
 * demo workspace's contacts. The answer and the request's own work are the same either way by design (an
 * unknown email gets an attempt and a code too, never mailed); with known addresses every request would also
 * seal a code into a {@code SendEmail} command, and notification-service would have to send 300 emails a
 * second on the same two cores, far more than it drains, so the run would measure that backlog rather than
 * the request. The limits stay on and are not what is measured: each simulated client IP (IPv6, a fresh
 * random /48 per run, so that a run never inherits the previous one's windows) sends 5 requests (the per-IP
 * window allows 20 in 15 minutes), each for a different address, so that no (email, source) pair repeats and
 * no resend cooldown applies. Change the spread with {@code -Dbenchmark.requests-per-ip} and
 * {@code -Dbenchmark.code-addresses}.
 * Target (issue 12): 300/s with p99 at most 50 ms.
 */
public class CodeRequestSimulation extends Simulation {

	private static final Load LOAD = Load.fromSystemProperties();

	private static final int REQUESTS_PER_IP = Integer.getInteger("benchmark.requests-per-ip", 5);

	private static final int ADDRESSES = Integer.getInteger("benchmark.code-addresses", 1000);

	{
		if (REQUESTS_PER_IP < 1 || REQUESTS_PER_IP > ADDRESSES) {
			throw new IllegalArgumentException("benchmark.requests-per-ip must be between 1 and benchmark.code-addresses");
		}
		String workspace = Setup.demoWorkspace(LOAD);
		String gateway = Setup.gatewayToken(LOAD); // lives 5 minutes: longer than any run of the harness
		setUp(LOAD.run("code request", request(workspace)))
			.protocols(http.baseUrl(LOAD.identityUrl()).shareConnections().authorizationHeader("Bearer " + gateway))
			.assertions(global().failedRequests().percent().lte(1.0));
		Setup.loadStarts(LOAD.leadIn());
	}

	/**
	 * One code request for the workspace, from the next simulated client IP and address of this run's /48 (the
	 * gateway's bearer token is the caller's).
	 */
	static HttpRequestActionBuilder request(String workspace) {
		String run = HexFormat.of().toHexDigits((short) new SecureRandom().nextInt());
		String network = "2001:db8:" + run + ":"; // a /48 of the documentation prefix, fresh for this run
		AtomicLong next = new AtomicLong();
		return http("code request").post("/internal/codes")
			.body(StringBody(session -> {
				long n = next.getAndIncrement();
				long client = n / REQUESTS_PER_IP; // consecutive requests of one IP: different addresses
				String ip = network + Long.toHexString(client >>> 16 & 0xffff) + "::" + Long.toHexString(client & 0xffff);
				String email = "nobody-" + run + "-" + (n % ADDRESSES) + "@example.com";
				return "{\"workspaceId\":\"%s\",\"email\":\"%s\",\"ip\":\"%s\",\"userAgent\":\"Coastline benchmark\"}"
					.formatted(workspace, email, ip);
			}))
			.asJson()
			.check(status().is(202), jsonPath("$.attempt").exists());
	}
}
