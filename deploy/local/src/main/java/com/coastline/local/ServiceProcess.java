package com.coastline.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.coastline.platform.test.ChildProcesses;

/** One service as its own JVM, its output prefixed with its name, started, stopped, killed and restarted at will. */
public final class ServiceProcess {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final Service service;

	private final String name;

	private final Path jar;

	private final Map<String, String> environment;

	private final int port;

	private final int managementPort;

	private final PrintStream log;

	/** Options after the launcher's own, e.g. another heap for one service in a benchmark. */
	private final List<String> jvmOptions;

	private Process process;

	private Thread output;

	/** When the JVM was started (System.nanoTime), for the time it took to be ready. */
	private volatile long startedAt;

	/** The AOT cache this instance records, if it is the one recording its service's. */
	private LaunchCache.Recording recording;

	/** Whether the JVM said it wrote the cache it recorded. */
	private volatile boolean cacheWritten;

	ServiceProcess(Service service, String name, Path jar, Map<String, String> environment, int port,
			int managementPort, PrintStream log, List<String> jvmOptions) {
		this.service = service;
		this.name = name;
		this.jar = jar;
		this.environment = Map.copyOf(environment);
		this.port = port;
		this.managementPort = managementPort;
		this.log = log;
		this.jvmOptions = List.copyOf(jvmOptions);
	}

	public Service service() {
		return service;
	}

	/** The service's short name, with the replica's number for a second or later instance ({@code identity-2}). */
	public String name() {
		return name;
	}

	/** Where this instance serves its APIs. */
	public String url() {
		return "http://127.0.0.1:" + port;
	}

	public int managementPort() {
		return managementPort;
	}

	public synchronized void start() {
		if (process != null && process.isAlive()) {
			return;
		}
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No jar for " + name + " at " + jar
					+ ": build it first (./mvnw install -DskipTests)");
		}
		finishRecording();
		LaunchCache launch = LaunchCache.of(jar);
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				// Small heaps and the serial collector: seven JVMs share two cores and a laptop's memory.
				"-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
				"-XX:ReservedCodeCacheSize=64m"));
		command.addAll(jvmOptions);
		recording = launch.options(command, name);
		cacheWritten = false;
		command.addAll(List.of("-jar", launch.jar().toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		try {
			startedAt = System.nanoTime();
			process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name, ex);
		}
		Process started = process;
		output = Thread.ofVirtual().name(name + "-log").start(() -> pump(started));
	}

	/** Waits until the service's readiness probe answers UP. */
	public void awaitReady(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		HttpRequest probe = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		while (System.nanoTime() < deadline) {
			Process current = process;
			if (current == null || !current.isAlive()) {
				throw new IllegalStateException(name + " exited during start-up");
			}
			try {
				if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					log.println(String.format(Locale.ROOT, "[%-12s] ready in %.1f s (from its JVM's start to UP)", name,
							(System.nanoTime() - startedAt) / 1e9));
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(250);
		}
		throw new IllegalStateException(name + " was not ready within " + timeout);
	}

	/** A graceful stop (SIGTERM), as an orchestrator would do. */
	public synchronized void stop() {
		end(false);
	}

	/** Dies at once (SIGKILL), as on a crash. */
	public synchronized void kill() {
		end(true);
	}

	public boolean isAlive() {
		Process current = process;
		return current != null && current.isAlive();
	}

	private void end(boolean force) {
		if (process != null && recording != null && !force) {
			// A JVM recording the AOT cache writes it when it stops: give it the time that takes on a busy machine,
			// and keep reading its output (Process.destroy() would close the pipe, and the JVM that writes the cache
			// dies of the broken pipe).
			process.toHandle().destroy();
			waitFor(process, Duration.ofMinutes(3));
		}
		ChildProcesses.end(process, force);
		process = null;
		finishRecording();
	}

	/** Keeps the cache the ended JVM recorded if it said it wrote it all (its output read to the end first). */
	private void finishRecording() {
		if (recording == null || (process != null && process.isAlive())) {
			return;
		}
		if (output != null) {
			try {
				output.join(Duration.ofSeconds(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		recording.finish(cacheWritten);
		recording = null;
	}

	private static void waitFor(Process process, Duration timeout) {
		try {
			process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void pump(Process source) {
		String prefix = "[%-12s] ".formatted(name);
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(source.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				if (line.startsWith(LaunchCache.CACHE_WRITTEN)) {
					cacheWritten = true;
				}
				log.println(prefix + line);
			}
		}
		catch (IOException ignored) {
			// the process ended
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
