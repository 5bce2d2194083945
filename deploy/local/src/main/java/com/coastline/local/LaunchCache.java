package com.coastline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Makes a service's JVM start in about a third of the CPU time, which is what limits a stack of seven or more JVMs
 * on two cores (project-service on this machine: 24 s of CPU from the executable jar, 15 s extracted, 9 s extracted
 * with an AOT cache). Two steps, both kept next to the jar in {@code target/launch/<jar>/} and made again when the
 * jar changes:
 * <ol>
 * <li>the executable jar is extracted once with Spring Boot's own tool ({@code java -Djarmode=tools -jar … extract}):
 * a plain jar with its libraries beside it, which the JVM loads without unpacking nested jars;</li>
 * <li>an ahead-of-time cache (JDK 25's {@code -XX:AOTCache}, JEP 483/514): the first instance of a service with
 * no cache yet records one ({@code -XX:AOTCacheOutput}); the JVM writes it when it is stopped gracefully, and it
 * becomes the cache of every later start only once it is complete. A killed instance leaves nothing behind.</li>
 * </ol>
 * A JVM that cannot use a cache (another JDK, other options) says so in its log and starts without it.
 * <p>
 * Recording costs: the recording JVMs start slower, and writing seven caches at a stack's first stop takes a minute
 * on two cores. That pays off for a developer who starts the stack again and again, not for a build that starts
 * each stack once from a clean checkout: the build's tests turn the cache off with the system property
 * {@value #AOT_CACHE_PROPERTY}{@code =false} (extracted jars only, which alone save about 40 % of a start's CPU).
 */
final class LaunchCache {

	/** {@code false} turns the AOT cache off (neither recorded nor used). */
	static final String AOT_CACHE_PROPERTY = "coastline.local.aot-cache";

	/** What the JVM prints when it has written a complete cache. */
	static final String CACHE_WRITTEN = "AOTCache creation is complete";

	/** The jars whose cache an instance is recording now: one recording per jar at a time. */
	private static final Set<Path> RECORDING = new HashSet<>();

	/** One lock per jar in this JVM (a file lock beside the extracted jar keeps other JVMs out): each jar is extracted once. */
	private static final Map<Path, Object> EXTRACTING = new ConcurrentHashMap<>();

	private final Path extracted;

	private final Path launchJar;

	private final Path cache;

	private LaunchCache(Path extracted, Path launchJar) {
		this.extracted = extracted;
		this.launchJar = launchJar;
		this.cache = extracted.resolve("app.aot");
	}

	/** The launch files of an executable jar, extracting it first if it was not yet or has changed since. */
	static LaunchCache of(Path jar) {
		String name = jar.getFileName().toString();
		Path extracted = jar.resolveSibling("launch").resolve(name.replaceFirst("\\.jar$", ""));
		synchronized (EXTRACTING.computeIfAbsent(jar, (any) -> new Object())) {
			try {
				Files.createDirectories(extracted.getParent());
				Path lockFile = extracted.resolveSibling(extracted.getFileName() + ".lock");
				// other launchers (another build module's tests, a developer's stack) may prepare the same jar now
				try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
						FileLock exclusive = channel.lock()) {
					String stamp = Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
					Path stampFile = extracted.resolve("jar.stamp");
					if (!Files.isRegularFile(stampFile) || !Files.readString(stampFile).equals(stamp)) {
						extract(jar, extracted);
						Files.writeString(stampFile, stamp);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not prepare " + jar + " for launching", ex);
			}
		}
		return new LaunchCache(extracted, extracted.resolve(name));
	}

	/** The jar to launch with {@code -jar}. */
	Path jar() {
		return launchJar;
	}

	/**
	 * The JVM options for the next start: use the cache if there is one, or record it if no other instance does.
	 * Returns the file being recorded, if this start records one.
	 */
	Recording options(List<String> command, String instance) {
		if ("false".equals(System.getProperty(AOT_CACHE_PROPERTY))) {
			return null;
		}
		if (Files.isRegularFile(cache)) {
			command.add("-XX:AOTCache=" + cache);
			return null;
		}
		synchronized (RECORDING) {
			if (!RECORDING.add(extracted)) {
				return null;
			}
		}
		Path output = extracted.resolve("app.aot." + instance + ".tmp");
		command.add("-XX:AOTCacheOutput=" + output);
		// The recording JVM warns about every class it cannot cache: hundreds of lines nobody acts on.
		command.add("-Xlog:aot*=error");
		return new Recording(output);
	}

	private static void extract(Path jar, Path extracted) throws IOException {
		Path partial = Files.createTempDirectory(jar.getParent(), "launch-");
		try {
			String java = ProcessHandle.current().info().command().orElse("java");
			Process tool = new ProcessBuilder(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
					partial.resolve("out").toString())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!tool.waitFor(2, TimeUnit.MINUTES) || tool.exitValue() != 0) {
				tool.destroyForcibly();
				throw new IOException("Extracting " + jar + " failed");
			}
			delete(extracted);
			Files.move(partial.resolve("out"), extracted, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while extracting " + jar, ex);
		}
		finally {
			delete(partial);
		}
	}

	private static void delete(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	/** One instance recording the cache; {@link #finish(boolean)} once its JVM has ended. */
	final class Recording {

		private final Path output;

		private Recording(Path output) {
			this.output = output;
		}

		/**
		 * Makes the recorded file the cache if the JVM said it wrote it completely, and discards it otherwise; the
		 * next start of the service may record again.
		 */
		void finish(boolean written) {
			try {
				if (written && Files.isRegularFile(output)) {
					Files.move(output, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				}
				Files.deleteIfExists(output);
				Files.deleteIfExists(output.resolveSibling(output.getFileName() + ".config"));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not keep the AOT cache " + output, ex);
			}
			finally {
				synchronized (RECORDING) {
					RECORDING.remove(extracted);
				}
			}
		}
	}
}
