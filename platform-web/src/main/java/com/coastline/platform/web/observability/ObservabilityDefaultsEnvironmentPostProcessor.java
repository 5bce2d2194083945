package com.coastline.platform.web.observability;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds Coastline's observability defaults (trace sampling, OTLP export timeouts, latency histogram buckets
 * of {@code http.server.requests} and {@code http.client.requests}) as the <em>last</em> property source, so
 * that anything a service or its deployment configures wins. Spans are exported only when
 * {@code management.opentelemetry.tracing.export.otlp.endpoint} is set.
 */
public class ObservabilityDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the added property source. */
	public static final String PROPERTY_SOURCE_NAME = "coastlineObservabilityDefaults";

	static final String LOCATION = "META-INF/coastline/observability-defaults.properties";

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
