package com.coastline.platform.test.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real servers of one test JVM, started on first use and shared by every test class, so that
 * a module's build starts PostgreSQL and Kafka once. Containers where a Docker engine is available,
 * embedded real servers otherwise (our CI machines have no Docker engine).
 */
public final class SharedInfrastructure {

	private static final Logger log = LoggerFactory.getLogger(SharedInfrastructure.class);

	private static PostgresServer postgres;

	private static KafkaServer kafka;

	private static GreenMail smtp;

	private static Boolean docker;

	private static final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private SharedInfrastructure() {
	}

	public static synchronized PostgresServer postgres() {
		if (postgres == null) {
			postgres = dockerAvailable() ? ContainerPostgresServer.start() : EmbeddedPostgresServer.start();
		}
		return postgres;
	}

	public static synchronized KafkaServer kafka() {
		if (kafka == null) {
			kafka = dockerAvailable() ? ContainerKafkaServer.start() : EmbeddedKafkaServer.start();
		}
		return kafka;
	}

	/** A real SMTP server (GreenMail) that keeps what it receives for assertions. */
	public static synchronized GreenMail smtp() {
		if (smtp == null) {
			smtp = SmtpServers.greenMail(ServerSetupTest.SMTP.dynamicPort());
			smtp.start();
		}
		return smtp;
	}

	/** The database of an application: "project-service" → "project_service". */
	public static String databaseFor(String applicationName) {
		return Databases.nameFor(applicationName);
	}

	/** Remembers a test context so that it is closed before the servers it uses. */
	public static synchronized void track(ConfigurableApplicationContext context) {
		contexts.add(context);
	}

	/**
	 * Closes the Spring contexts that use the servers first, then the servers: a Kafka consumer
	 * closing after its broker is gone waits for timeouts, and the broker deleting its log dir in a
	 * shutdown hook while still running makes the test JVM hang on exit.
	 */
	static synchronized void shutdown() {
		contexts.forEach(ConfigurableApplicationContext::close);
		contexts.clear();
		closeQuietly(kafka);
		closeQuietly(postgres);
		if (smtp != null) {
			smtp.stop();
		}
		kafka = null;
		postgres = null;
		smtp = null;
	}

	private static boolean dockerAvailable() {
		if (docker == null) {
			// Ask Testcontainers only where a Docker engine may be: its probe costs seconds and logs errors.
			boolean mayHaveDocker = System.getenv("DOCKER_HOST") != null
					|| Files.exists(Path.of("/var/run/docker.sock"))
					|| Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
			docker = mayHaveDocker && DockerClientFactory.instance().isDockerAvailable();
			log.info("Test infrastructure: {}", docker ? "Testcontainers (Docker engine found)" : "embedded real servers (no Docker engine)");
		}
		return docker;
	}

	private static void closeQuietly(AutoCloseable server) {
		if (server == null) {
			return;
		}
		try {
			server.close();
		}
		catch (Exception ex) {
			log.warn("Could not stop {}", server, ex);
		}
	}
}
