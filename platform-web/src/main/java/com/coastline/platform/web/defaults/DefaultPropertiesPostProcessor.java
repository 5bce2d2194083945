package com.coastline.platform.web.defaults;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds a properties file of Coastline's defaults as the <em>last</em> property source, so that anything a service
 * or its deployment configures, in any place, wins. Runs after the config data (application.yml) is loaded, once per
 * environment.
 */
public abstract class DefaultPropertiesPostProcessor implements EnvironmentPostProcessor, Ordered {

	private final String name;

	private final String location;

	/**
	 * @param name the added property source's name
	 * @param location the properties file on the class path
	 */
	protected DefaultPropertiesPostProcessor(String name, String location) {
		this.name = name;
		this.location = location;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(this.name)) {
			return;
		}
		try {
			ClassPathResource resource = new ClassPathResource(this.location, getClass().getClassLoader());
			environment.getPropertySources().addLast(new ResourcePropertySource(this.name, resource));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + this.location, ex);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
