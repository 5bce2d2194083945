package com.coastline.platform.web.client;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds Coastline's Resilience4j defaults (circuit breaker, retry with exponential jittered
 * back-off, time limiter) as the <em>last</em> property source, so that anything a service
 * configures, in any place, wins. Runs after the config data (application.yml) is loaded.
 */
public class ResilienceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the added property source. */
	public static final String PROPERTY_SOURCE_NAME = "coastlineResilienceDefaults";

	static final String LOCATION = "META-INF/coastline/resilience4j-defaults.properties";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			return;
		}
		try {
			ClassPathResource resource = new ClassPathResource(LOCATION, getClass().getClassLoader());
			environment.getPropertySources().addLast(new ResourcePropertySource(PROPERTY_SOURCE_NAME, resource));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + LOCATION, ex);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
