package com.coastline.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * The load of one run, from system properties set by {@code benchmarks/run}: an open model (new arrivals
 * at a constant rate, whatever the response times) for a duration. The warm-up is a run of its own whose
 * figures are thrown away. Targets are the services' ports on this machine; {@code database} is the
 * launcher's PostgreSQL (JDBC URL without the database name), which the simulations that sign in with real codes
 * read, to fetch the sealed codes from identity's outbox.
 * <p>
 * A measured run starts with a <b>lead-in</b> ({@code benchmark.lead-in} seconds, 10 by default; none in the
 * warm-up run): the same requests at the same rate, silent (in no figure), so that the measured part starts with
 * the load generator warm. Each run is a new Gatling JVM: without the lead-in its first seconds sent late while it
 * compiled its own code, then caught up in a burst, and those seconds were most of a run's p99 (docs/benchmarks.md,
 * session 19).
 */
record Load(double rate, Duration duration, Duration leadIn, String identityUrl, String projectUrl, String portalUrl,
		String backOfficeUrl, String database) {

	static Load fromSystemProperties() {
		boolean warmUp = Boolean.getBoolean("benchmark.warmup");
		return new Load(Double.parseDouble(System.getProperty("benchmark.rate", "200")),
				Duration.ofSeconds(Long.getLong("benchmark.duration", 30)),
				Duration.ofSeconds(warmUp ? 0 : Long.getLong("benchmark.lead-in", 10)),
				System.getProperty("benchmark.identity", "http://127.0.0.1:8082"),
				System.getProperty("benchmark.project", "http://127.0.0.1:8083"),
				System.getProperty("benchmark.portal", "http://127.0.0.1:8080"),
				System.getProperty("benchmark.backoffice", "http://127.0.0.1:8081"),
				System.getProperty("benchmark.database", "jdbc:postgresql://127.0.0.1:15432/"));
	}

	/**
	 * How many requests a run makes, its lead-in's included: what a simulation must prepare when each request uses
	 * something up.
	 */
	int requests() {
		return (int) Math.ceil(this.rate * (this.duration.toSeconds() + this.leadIn.toSeconds()));
	}

	/**
	 * The run's population: the request at the rate for the lead-in, silent, then measured for the duration (two
	 * scenarios, {@code name} and {@code name (lead-in)}). Call {@link Setup#loadStarts(Duration)} with
	 * {@link #leadIn()} after {@code setUp}, so that the processes' CPU is counted from the measured part on.
	 */
	List<PopulationBuilder> run(String name, HttpRequestActionBuilder request) {
		List<PopulationBuilder> population = new ArrayList<>();
		// For benchmarks/run: Gatling's mean throughput counts these seconds, its figures not their requests.
		System.out.println("> lead-in (s) | " + this.leadIn.toSeconds() + " | - | -");
		if (this.leadIn.isPositive()) {
			population.add(scenario(name + " (lead-in)").exec(request.silent())
				.injectOpen(constantUsersPerSec(this.rate).during(this.leadIn)));
			population.add(scenario(name).exec(request)
				.injectOpen(nothingFor(this.leadIn), constantUsersPerSec(this.rate).during(this.duration)));
		}
		else {
			population.add(scenario(name).exec(request).injectOpen(constantUsersPerSec(this.rate).during(this.duration)));
		}
		return population;
	}
}
