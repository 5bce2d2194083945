package com.coastline.local;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The stack of the delivery and fault tests, started once per test JVM and shared by their classes (a start
 * is about 90 s of the build): identity, project, two automation-service and two notification-service
 * instances (each its own JVM, on the same database and broker). The runs retry at most every 5 s (instead
 * of 10 min) and a dead sender's deliveries are due again after a 30 s lease (instead of 5 min), so that
 * recovery fits in a test. It stops when the test JVM ends.
 */
final class ReplicaStack {

	private static LocalStack stack;

	private ReplicaStack() {
	}

	static synchronized LocalStack get() throws IOException {
		if (stack == null) {
			Path target = Path.of("target").toAbsolutePath();
			Files.createDirectories(target);
			PrintStream log = new PrintStream(new FileOutputStream(target.resolve("replica-stack.log").toFile()), true);
			stack = LocalStack.builder(Path.of("../.."))
				.dataDir(Files.createTempDirectory(target, "replica-stack-"))
				.ports(Ports.random())
				.services(Service.IDENTITY, Service.PROJECT, Service.AUTOMATION, Service.NOTIFICATION)
				.replicas(Service.AUTOMATION, 2)
				.replicas(Service.NOTIFICATION, 2)
				.env(Service.AUTOMATION, "COASTLINE_AUTOMATION_RUNS_MAX_BACKOFF", "5s")
				.env(Service.NOTIFICATION, "COASTLINE_NOTIFICATION_LEASE", "30s")
				.log(log)
				.start();
			LocalStack started = stack;
			Runtime.getRuntime().addShutdownHook(new Thread(started::close, "replica-stack-stop"));
		}
		return stack;
	}
}
