package com.coastline.platform.messaging;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.coastline.platform.messaging.parcels.ParcelApplication;
import com.coastline.platform.test.infra.SharedInfrastructure;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service starts while its database is not reachable (PostgreSQL restarting or failing over, its pod not
 * ready yet): with the platform's defaults it waits for the database and comes up once it is there, instead
 * of exiting at its first migration. Found by the fault run, where identity-service was restarted while
 * PostgreSQL was.
 */
class DatabaseLateAtStartupTest {

	@Test
	void aServiceStartedBeforeItsDatabaseWaitsForIt() throws Exception {
		int port = freePort();
		CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture
			.supplyAsync(() -> new SpringApplicationBuilder(ParcelApplication.class).properties(
					"spring.application.name=parcel-late-database",
					"spring.main.web-application-type=none",
					"spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port + "/postgres",
					"spring.datasource.username=postgres", "spring.datasource.password=postgres",
					"spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafka().bootstrapServers())
				.run());

		Thread.sleep(Duration.ofSeconds(4));
		assertThat(starting).as("still waiting for its database").isNotDone();

		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(port).start();
				ConfigurableApplicationContext context = starting.get(90, TimeUnit.SECONDS)) {
			assertThat(context.isRunning()).isTrue();
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
				.as("migrations applied once the database was there")
				.isPositive();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
