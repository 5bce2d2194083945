package com.coastline.platform.web.observability;

import com.coastline.platform.web.defaults.DefaultPropertiesPostProcessor;

/**
 * Adds Coastline's observability defaults (trace sampling, OTLP export timeouts, latency histogram buckets of
 * {@code http.server.requests} and {@code http.client.requests}) as the last property source: anything a service or
 * its deployment configures wins. Spans are exported only when
 * {@code management.opentelemetry.tracing.export.otlp.endpoint} is set.
 */
public class ObservabilityDefaultsEnvironmentPostProcessor extends DefaultPropertiesPostProcessor {

	/** Name of the added property source. */
	public static final String PROPERTY_SOURCE_NAME = "coastlineObservabilityDefaults";

	static final String LOCATION = "META-INF/coastline/observability-defaults.properties";

	public ObservabilityDefaultsEnvironmentPostProcessor() {
		super(PROPERTY_SOURCE_NAME, LOCATION);
	}
}
