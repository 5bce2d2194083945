package com.coastline.benchmarks;

import java.time.Duration;

/**
 * The load of one run, from system properties set by {@code benchmarks/run}: an open model (new arrivals
 * at a constant rate, whatever the response times) for a duration. The warm-up is a run of its own whose
 * figures are thrown away. Targets are the services' ports on this machine; {@code database} is the
 * launcher's PostgreSQL (JDBC URL without the database name), which only {@link CodeVerificationSimulation}
 * reads, to fetch the sealed codes from identity's outbox.
 */
record Load(double rate, Duration duration, String identityUrl, String projectUrl, String portalUrl, String database) {

	static Load fromSystemProperties() {
		return new Load(Double.parseDouble(System.getProperty("benchmark.rate", "200")),
				Duration.ofSeconds(Long.getLong("benchmark.duration", 30)),
				System.getProperty("benchmark.identity", "http://127.0.0.1:8082"),
				System.getProperty("benchmark.project", "http://127.0.0.1:8083"),
				System.getProperty("benchmark.portal", "http://127.0.0.1:8080"),
				System.getProperty("benchmark.database", "jdbc:postgresql://127.0.0.1:15432/"));
	}

	/** How many requests a run makes: what a simulation must prepare when each request uses something up. */
	int requests() {
		return (int) Math.ceil(this.rate * this.duration.toSeconds());
	}
}
