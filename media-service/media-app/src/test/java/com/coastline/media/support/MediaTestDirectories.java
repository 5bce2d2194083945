package com.coastline.media.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** Where the test context keeps its files and its multipart uploads in flight, so tests can look there. */
@TestConfiguration(proxyBeanMethods = false)
public class MediaTestDirectories {

	public static final Path STORAGE = create("media-test-store");

	public static final Path UPLOADS = create("media-test-uploads");

	@Bean
	DynamicPropertyRegistrar mediaTestDirectories() {
		return (registry) -> {
			registry.add("coastline.media.storage.local-root", STORAGE::toString);
			registry.add("spring.servlet.multipart.location", UPLOADS::toString);
		};
	}

	/** Every regular file under the directory. */
	public static java.util.List<Path> filesUnder(Path directory) {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path create(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
