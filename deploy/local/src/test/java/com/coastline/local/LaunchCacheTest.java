package com.coastline.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launch files of a real executable jar (identity-service's, copied): extracted once and again only when the jar
 * changes; an AOT cache recorded by one instance at a time and kept only when its JVM said it wrote it all. The
 * JVM's own writing of the cache is not run here (it needs the service's database and broker); the stack tests start
 * every service from the extracted jars.
 */
class LaunchCacheTest {

	private static final Path IDENTITY_JAR = Path.of("../../identity-service/identity-app/target")
		.resolve("identity-app-0.1.0-SNAPSHOT.jar");

	@TempDir
	Path target;

	private Path jar;

	private String aotCache;

	@BeforeEach
	void aCopyOfAServiceJarWithTheCacheOn() throws IOException {
		this.jar = Files.copy(IDENTITY_JAR, this.target.resolve("identity-app-0.1.0-SNAPSHOT.jar"));
		// The build's tests turn the cache off (pom.xml); these tests are about it.
		this.aotCache = System.clearProperty(LaunchCache.AOT_CACHE_PROPERTY);
	}

	@AfterEach
	void restoreTheProperty() {
		if (this.aotCache != null) {
			System.setProperty(LaunchCache.AOT_CACHE_PROPERTY, this.aotCache);
		}
		else {
			System.clearProperty(LaunchCache.AOT_CACHE_PROPERTY);
		}
	}

	@Test
	void theJarIsExtractedOnceAndAgainWhenItChanges() throws IOException {
		LaunchCache launch = LaunchCache.of(this.jar);
		Path extracted = launch.jar().getParent();
		assertThat(extracted).isEqualTo(this.target.resolve("launch/identity-app-0.1.0-SNAPSHOT"));
		try (JarFile application = new JarFile(launch.jar().toFile())) {
			assertThat(application.getManifest().getMainAttributes().getValue("Class-Path")).contains("lib/");
		}
		try (var libraries = Files.list(extracted.resolve("lib"))) {
			assertThat(libraries.filter((library) -> library.toString().endsWith(".jar")).count()).isGreaterThan(50);
		}

		Path marker = Files.createFile(extracted.resolve("marker"));
		LaunchCache.of(this.jar);
		assertThat(marker).as("the same jar is not extracted again").exists();

		Files.setLastModifiedTime(this.jar, FileTime.from(Instant.now().plusSeconds(5)));
		LaunchCache again = LaunchCache.of(this.jar);
		assertThat(marker).as("a changed jar is extracted afresh").doesNotExist();
		assertThat(again.jar()).exists();
	}

	/**
	 * Launchers in several JVMs (the build's system tests and end-to-end journeys run side by side) preparing the same
	 * jar at once: one extracts it, the others wait for it instead of extracting over it, and each gets the complete
	 * extraction.
	 */
	@Test
	void launchersInOtherJvmsPreparingTheSameJarAtTheSameTimeEachGetOneCompleteExtraction() throws Exception {
		String java = ProcessHandle.current().info().command().orElseThrow();
		List<Process> others = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			others.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
					OtherLauncher.class.getName(), this.jar.toString())
				.redirectErrorStream(true)
				.start());
		}
		LaunchCache mine = LaunchCache.of(this.jar);
		for (Process other : others) {
			String output = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(other.waitFor()).as("another JVM: %s", output).isZero();
			assertThat(output).isEqualTo(mine.jar().toString());
		}
		try (var libraries = Files.list(mine.jar().resolveSibling("lib"))) {
			assertThat(libraries.filter((library) -> library.toString().endsWith(".jar")).count()).isGreaterThan(50);
		}
	}

	/** Another JVM of the test above: prepares the jar it is given and prints the jar to launch. */
	public static final class OtherLauncher {

		public static void main(String[] args) {
			System.out.print(LaunchCache.of(Path.of(args[0])).jar());
		}

	}

	@Test
	void oneInstanceRecordsTheCacheWhichIsKeptOnlyWhenWrittenAndThenUsedByEveryStart() throws IOException {
		LaunchCache launch = LaunchCache.of(this.jar);
		Path cache = launch.jar().resolveSibling("app.aot");

		List<String> first = new ArrayList<>();
		LaunchCache.Recording recording = launch.options(first, "identity");
		Path output = launch.jar().resolveSibling("app.aot.identity.tmp");
		assertThat(first).contains("-XX:AOTCacheOutput=" + output);
		List<String> second = new ArrayList<>();
		assertThat(launch.options(second, "identity-2")).as("one recording at a time").isNull();
		assertThat(second).isEmpty();

		// A JVM killed before it wrote the cache: what it left is discarded, and the next start records again.
		Files.writeString(output, "half a cache");
		recording.finish(false);
		assertThat(output).doesNotExist();
		assertThat(cache).doesNotExist();
		List<String> third = new ArrayList<>();
		LaunchCache.Recording again = launch.options(third, "identity-2");
		assertThat(third).contains("-XX:AOTCacheOutput=" + launch.jar().resolveSibling("app.aot.identity-2.tmp"));

		// One that said it wrote it all: the file becomes the cache every later start uses.
		Files.writeString(launch.jar().resolveSibling("app.aot.identity-2.tmp"), "a cache");
		again.finish(true);
		assertThat(cache).hasContent("a cache");
		List<String> later = new ArrayList<>();
		assertThat(launch.options(later, "identity")).isNull();
		assertThat(later).containsExactly("-XX:AOTCache=" + cache);
	}

	@Test
	void theCacheCanBeTurnedOff() {
		System.setProperty(LaunchCache.AOT_CACHE_PROPERTY, "false");
		List<String> command = new ArrayList<>();
		assertThat(LaunchCache.of(this.jar).options(command, "identity")).isNull();
		assertThat(command).isEmpty();
	}
}
