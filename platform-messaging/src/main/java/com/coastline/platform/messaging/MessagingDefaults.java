package com.coastline.platform.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code coastline-messaging-defaults.properties} below everything a service configures. It must
 * also win over the Kafka binder's own defaults, which switch Boot's producer to byte-array keys and
 * would make every outbox send fail.
 */
class MessagingDefaults implements EnvironmentPostProcessor, Ordered {

	private static final String BINDER_DEFAULTS = "kafkaBinderDefaultProperties";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		MutablePropertySources sources = environment.getPropertySources();
		PropertySource<?> defaults = load();
		if (sources.contains(BINDER_DEFAULTS)) {
			sources.addBefore(BINDER_DEFAULTS, defaults);
		}
		else {
			sources.addLast(defaults);
		}
	}

	private static PropertySource<?> load() {
		try {
			return new PropertiesPropertySourceLoader()
				.load("coastlineMessagingDefaults", new ClassPathResource("coastline-messaging-defaults.properties"))
				.get(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
