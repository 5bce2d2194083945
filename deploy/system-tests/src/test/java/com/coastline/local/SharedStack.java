package com.coastline.local;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;

/**
 * The stacks that the cross-process test classes share, so that the build starts each once (a start of six or more
 * JVMs is one to three minutes of the build on two cores); today one, the whole system. One runs at a time, never two
 * stacks at once on a small machine: asking for another kind stops the running one first, and a class that leaves
 * its stack unfit for others (instances killed) stops it with {@link #release()}. The classes that share one run next
 * to each other (their {@code @Order}, with the class orderer of {@code junit-platform.properties}); the last stack
 * stops when the test JVM ends.
 */
enum SharedStack {

	/**
	 * Every service, two instances of each service that consumes the events of another (identity, project, media,
	 * portal, automation, notification: thirteen JVMs, each pair on one database and broker; the first four with their
	 * consumers' {@code client.id} naming the instance), reaching PostgreSQL and the SMTP server through
	 * {@linkplain LocalStack.Builder#faultProxies() fault proxies}. Automation runs retry at most every 5 s (instead of
	 * 10 min) and a dead sender's deliveries are due again after a 30 s lease (instead of 5 min), so that recovery
	 * fits in a test. Used in this order: the pipeline tests (the demo seeded), the token attacks (two identities),
	 * the automations' deliveries and the fault run (two automation and notification instances, killed and started
	 * again), then the consumer replicas, which kill the second instances and release the stack.
	 */
	WHOLE_SYSTEM("whole-system-stack", builder -> {
		for (Service service : List.of(Service.IDENTITY, Service.PROJECT, Service.MEDIA, Service.PORTAL)) {
			builder.replicas(service, 2).env(service, ConsumerGroups.CLIENT_ID.getKey(), ConsumerGroups.CLIENT_ID.getValue());
		}
		return builder.replicas(Service.AUTOMATION, 2)
			.replicas(Service.NOTIFICATION, 2)
			.env(Service.AUTOMATION, "COASTLINE_AUTOMATION_RUNS_MAX_BACKOFF", "5s")
			.env(Service.NOTIFICATION, "COASTLINE_NOTIFICATION_LEASE", "30s")
			.faultProxies();
	});

	private static SharedStack running;

	private static LocalStack stack;

	private static Thread stop;

	private final String name;

	private final UnaryOperator<LocalStack.Builder> shape;

	SharedStack(String name, UnaryOperator<LocalStack.Builder> shape) {
		this.name = name;
		this.shape = shape;
	}

	/** This stack, started now (after stopping the other) unless it runs already. */
	LocalStack get() {
		synchronized (SharedStack.class) {
			if (running != this) {
				release();
				Path target = Path.of("target").toAbsolutePath();
				try {
					Files.createDirectories(target);
					PrintStream log = new PrintStream(
							new FileOutputStream(target.resolve(this.name + ".log").toFile(), true), true);
					stack = start(this.shape.apply(LocalStack.builder(Path.of("../.."))
						.dataDir(Files.createTempDirectory(target, this.name + "-"))
						.ports(Ports.random())
						.log(log)), this.name);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				running = this;
				LocalStack started = stack;
				stop = new Thread(started::close, this.name + "-stop");
				Runtime.getRuntime().addShutdownHook(stop);
			}
			return stack;
		}
	}

	/** Stops the shared stack if one runs, for a test class that leaves it unfit for the next. */
	static synchronized void release() {
		if (stack != null) {
			Runtime.getRuntime().removeShutdownHook(stop);
			stack.close();
			stack = null;
			stop = null;
			running = null;
		}
	}

	/**
	 * Starts the stack, and once more on the same data and ports if an instance was not ready in the
	 * launcher's 6 minutes: on a busy 2-core machine the first start's database migrations and cold caches can
	 * take longer, the second start has neither. Prints how long it took.
	 */
	private static LocalStack start(LocalStack.Builder builder, String name) {
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
}
