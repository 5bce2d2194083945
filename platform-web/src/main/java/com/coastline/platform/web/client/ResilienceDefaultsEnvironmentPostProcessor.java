package com.coastline.platform.web.client;

import com.coastline.platform.web.defaults.DefaultPropertiesPostProcessor;

/**
 * Adds Coastline's Resilience4j defaults (circuit breaker, retry with exponential jittered back-off, time limiter)
 * as the last property source: anything a service configures wins.
 */
public class ResilienceDefaultsEnvironmentPostProcessor extends DefaultPropertiesPostProcessor {

	/** Name of the added property source. */
	public static final String PROPERTY_SOURCE_NAME = "coastlineResilienceDefaults";

	static final String LOCATION = "META-INF/coastline/resilience4j-defaults.properties";

	public ResilienceDefaultsEnvironmentPostProcessor() {
		super(PROPERTY_SOURCE_NAME, LOCATION);
	}
}
