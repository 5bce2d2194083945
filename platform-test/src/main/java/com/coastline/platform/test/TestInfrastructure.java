package com.coastline.platform.test;

import com.coastline.platform.test.infra.SharedInfrastructure;
import com.coastline.platform.test.security.TestIssuer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Real PostgreSQL, Kafka and SMTP for a Spring Boot test, and the JWKS of the test token issuer
 * ({@code TestTokens}): {@code @Import(TestInfrastructure.class)}.
 * Each service gets its own database, named after {@code spring.application.name}. The servers start
 * lazily, when a bean first reads their properties, and are shared by all test classes of the JVM.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructure {

	@Bean
	DynamicPropertyRegistrar coastlineTestInfrastructure(Environment environment,
			ConfigurableApplicationContext context) {
		SharedInfrastructure.track(context);
		String database = SharedInfrastructure.databaseFor(environment.getProperty("spring.application.name", "application"));
		return registry -> {
			registry.add("spring.datasource.url", () -> SharedInfrastructure.postgres().jdbcUrl(database));
			registry.add("spring.datasource.username", () -> SharedInfrastructure.postgres().username());
			registry.add("spring.datasource.password", () -> SharedInfrastructure.postgres().password());
			registry.add("spring.kafka.bootstrap-servers", () -> SharedInfrastructure.kafka().bootstrapServers());
			registry.add("spring.mail.host", () -> "127.0.0.1");
			registry.add("spring.mail.port", () -> SharedInfrastructure.smtp().getSmtp().getPort());
			TestIssuer.properties().forEach(registry::add);
		};
	}
}
