package com.coastline.local;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/**
 * The stack of the delivery and fault tests, started once per test JVM and shared by their classes (a start
 * is about 90 s of the build): identity, project, two automation-service and two notification-service
 * instances (each its own JVM, on the same database and broker), which reach PostgreSQL and the SMTP server
 * through {@linkplain LocalStack.Builder#faultProxies() fault proxies}. The runs retry at most every 5 s (instead
 * of 10 min) and a dead sender's deliveries are due again after a 30 s lease (instead of 5 min), so that
 * recovery fits in a test. It stops when the test JVM ends, or when a test class
 * that starts a stack of its own {@linkplain #release() releases} it (never two stacks at once on a small
 * machine); the next {@link #get()} then starts it again.
 */
final class ReplicaStack {

	private static LocalStack stack;

	private static Thread stop;

	private ReplicaStack() {
	}

	static synchronized LocalStack get() throws IOException {
		if (stack == null) {
			Path target = Path.of("target").toAbsolutePath();
			Files.createDirectories(target);
			PrintStream log = new PrintStream(new FileOutputStream(target.resolve("replica-stack.log").toFile(), true),
					true);
			stack = start(LocalStack.builder(Path.of("../.."))
				.dataDir(Files.createTempDirectory(target, "replica-stack-"))
				.ports(Ports.random())
				.services(Service.IDENTITY, Service.PROJECT, Service.AUTOMATION, Service.NOTIFICATION)
				.replicas(Service.AUTOMATION, 2)
				.replicas(Service.NOTIFICATION, 2)
				.env(Service.AUTOMATION, "COASTLINE_AUTOMATION_RUNS_MAX_BACKOFF", "5s")
				.env(Service.NOTIFICATION, "COASTLINE_NOTIFICATION_LEASE", "30s")
				.faultProxies()
				.log(log), "ReplicaStack");
			LocalStack started = stack;
			stop = new Thread(started::close, "replica-stack-stop");
			Runtime.getRuntime().addShutdownHook(stop);
		}
		return stack;
	}

	/**
	 * Starts the stack, and once more on the same data and ports if an instance was not ready in the
	 * launcher's 3 minutes: on a busy 2-core machine the first start's database migrations and cold caches can
	 * take longer, the second start has neither. Prints how long it took.
	 */
	static LocalStack start(LocalStack.Builder builder, String name) {
		long starting = System.nanoTime();
		LocalStack started;
		try {
			started = builder.start();
		}
		catch (CompletionException | IllegalStateException notReady) {
			System.out.printf("%s: not ready after %d s (%s), starting it again%n", name,
					Duration.ofNanos(System.nanoTime() - starting).toSeconds(), notReady.getMessage());
			started = builder.start();
		}
		System.out.printf("%s ready in %d s%n", name, Duration.ofNanos(System.nanoTime() - starting).toSeconds());
		return started;
	}

	/** Stops the shared stack if it runs, for a test class that starts a stack of its own. */
	static synchronized void release() {
		if (stack != null) {
			Runtime.getRuntime().removeShutdownHook(stop);
			stack.close();
			stack = null;
			stop = null;
		}
	}
}
