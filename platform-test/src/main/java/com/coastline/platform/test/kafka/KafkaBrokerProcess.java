package com.coastline.platform.test.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.coastline.platform.test.ChildProcesses;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka broker as its own process, with a fixed port and a log dir that survives a
 * restart: for tests that take the broker away (stop, kill) and bring it back with its data.
 * The broker runs the Kafka server classes already on the test class path.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private final Path directory;

	private final int port;

	private final int controllerPort;

	private Process process;

	private KafkaBrokerProcess(Path directory, int port, int controllerPort) {
		this.directory = directory;
		this.port = port;
		this.controllerPort = controllerPort;
	}

	/** A broker on free ports with its data in a new directory under {@code parent}. */
	public static KafkaBrokerProcess create(Path parent) {
		try {
			return create(Files.createTempDirectory(parent, "kafka-"), freePort(), freePort());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A broker pinned to a directory and ports, so a later process can take over its data. */
	public static KafkaBrokerProcess create(Path directory, int port, int controllerPort) {
		return new KafkaBrokerProcess(directory, port, controllerPort);
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + port;
	}

	public synchronized KafkaBrokerProcess start() {
		if (process != null && process.isAlive()) {
			return this;
		}
		try {
			Files.createDirectories(directory);
			Path config = writeConfig();
			Path logback = writeLogbackConfig();
			if (!Files.exists(directory.resolve("data").resolve("meta.properties"))) {
				run(java(logback, "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
						config.toString(), "--ignore-formatted"), "format");
			}
			process = new ProcessBuilder(java(logback, "kafka.Kafka", config.toString()))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("broker.log").toFile()))
				.start();
			awaitReady();
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A clean shutdown (SIGTERM). */
	public synchronized void stop() {
		end(false);
	}

	/** The process dies at once (SIGKILL), as on a crash. */
	public synchronized void kill() {
		end(true);
	}

	@Override
	public void close() {
		kill();
	}

	private void end(boolean force) {
		ChildProcesses.end(process, force);
		process = null;
	}

	private Path writeConfig() throws IOException {
		Path config = directory.resolve("server.properties");
		Files.writeString(config, String.join("\n",
				"process.roles=broker,controller",
				"node.id=1",
				"controller.quorum.voters=1@127.0.0.1:" + controllerPort,
				"listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
				"advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
				"controller.listener.names=CONTROLLER",
				"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
				"inter.broker.listener.name=PLAINTEXT",
				"log.dirs=" + directory.resolve("data"),
				"num.partitions=6",
				"offsets.topic.replication.factor=1",
				"offsets.topic.num.partitions=6",
				"transaction.state.log.replication.factor=1",
				"transaction.state.log.min.isr=1",
				"share.coordinator.state.topic.replication.factor=1",
				"share.coordinator.state.topic.min.isr=1",
				"group.initial.rebalance.delay.ms=0",
				"auto.create.topics.enable=true",
				// The log cleaner's dedupe buffer is one heap array allocated at start: Kafka's 128 MB in a 256 MB
				// heap failed a restart with OutOfMemoryError once (BrokerOutageTest, session 19); 16 MB is plenty
				// for the compacted topics of a test or the local stack (__consumer_offsets).
				"log.cleaner.dedupe.buffer.size=16777216",
				""));
		return config;
	}

	private Path writeLogbackConfig() throws IOException {
		Path logback = directory.resolve("logback.xml");
		Files.writeString(logback, """
				<configuration>
				  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
				    <encoder><pattern>%d %-5level %logger{36} - %msg%n</pattern></encoder>
				  </appender>
				  <root level="WARN"><appender-ref ref="OUT"/></root>
				</configuration>
				""");
		return logback;
	}

	private static List<String> java(Path logback, String mainClass, String... args) {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				"-Dlogback.configurationFile=" + logback, "-cp", System.getProperty("java.class.path"), mainClass));
		command.addAll(List.of(args));
		return command;
	}

	private void run(List<String> command, String what) throws IOException {
		Process step = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("broker.log").toFile()))
			.start();
		try {
			if (!step.waitFor(60, TimeUnit.SECONDS) || step.exitValue() != 0) {
				step.destroyForcibly();
				throw new IllegalStateException("Kafka " + what + " failed; see " + directory.resolve("broker.log"));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void awaitReady() {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
			while (System.nanoTime() < deadline) {
				if (!process.isAlive()) {
					throw new IllegalStateException("Kafka exited; see " + directory.resolve("broker.log"));
				}
				if (accepts(port)) {
					try {
						admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
						return;
					}
					catch (Exception notYet) {
						// still starting
					}
				}
				Thread.sleep(100);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		throw new IllegalStateException("Kafka did not start within " + START_TIMEOUT);
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}
}
