package com.coastline.benchmarks;

import java.time.Duration;

/**
 * The load of one run, from system properties set by {@code benchmarks/run}: an open model (new arrivals
 * at a constant rate, whatever the response times) for a duration. The warm-up is a run of its own whose
 * figures are thrown away. Targets are the services' ports on this machine.
 */
record Load(double rate, Duration duration, String identityUrl, String projectUrl) {

	static Load fromSystemProperties() {
		return new Load(Double.parseDouble(System.getProperty("benchmark.rate", "200")),
				Duration.ofSeconds(Long.getLong("benchmark.duration", 30)),
				System.getProperty("benchmark.identity", "http://127.0.0.1:8082"),
				System.getProperty("benchmark.project", "http://127.0.0.1:8083"));
	}
}
