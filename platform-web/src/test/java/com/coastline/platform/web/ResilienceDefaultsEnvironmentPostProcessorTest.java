package com.coastline.platform.web;

import java.util.Map;

import com.coastline.platform.web.client.ResilienceDefaultsEnvironmentPostProcessor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ResilienceDefaultsEnvironmentPostProcessorTest {

	private static final String MAX_ATTEMPTS = "resilience4j.retry.configs.default.max-attempts";

	private final ResilienceDefaultsEnvironmentPostProcessor postProcessor = new ResilienceDefaultsEnvironmentPostProcessor();

	@Test
	void defaultsApplyWhereTheServiceSetsNothing() {
		StandardEnvironment environment = new StandardEnvironment();

		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty(MAX_ATTEMPTS)).isEqualTo("3");
		assertThat(environment.getProperty("resilience4j.retry.configs.default.enable-randomized-wait")).isEqualTo("true");
	}

	@Test
	void serviceConfigurationWinsOverTheDefaults() {
		// given a service's application.yml, already loaded when the post-processor runs
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addLast(new MapPropertySource("Config resource 'application.yml'", Map.of(MAX_ATTEMPTS, "5")));

		// when
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());

		// then
		assertThat(environment.getProperty(MAX_ATTEMPTS)).isEqualTo("5");
		assertThat(environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow().getName())
			.isEqualTo(ResilienceDefaultsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
	}
}
