package com.coastline.media.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalFileMediaStorageTest extends MediaStorageContract {

	@TempDir
	Path root;

	private LocalFileMediaStorage storage;

	@BeforeEach
	void createStorage() {
		this.storage = new LocalFileMediaStorage(this.root.resolve("media"));
	}

	@Override
	protected MediaStorage storage() {
		return this.storage;
	}

	@Test
	void filesStayInsideTheRootAndAreNamedByKeyOnly() throws IOException {
		StoredObject stored = this.storage.store(new ByteArrayInputStream(new byte[] { 1, 2, 3 }), 3, "image/jpeg");

		try (Stream<Path> files = Files.walk(this.root).filter(Files::isRegularFile)) {
			assertThat(files.toList()).singleElement()
				.isEqualTo(this.root.resolve("media").resolve(stored.key().substring(0, 2)).resolve(stored.key()).toRealPath());
		}
	}

	@Test
	void onlyFilesNamedByAKeyInTheKeysDirectoryAreListed() throws IOException {
		StoredObject stored = this.storage.store(new ByteArrayInputStream(new byte[] { 1 }), 1, "image/jpeg");
		Path media = this.root.resolve("media");
		String other = StorageKeys.newKey();
		Files.writeString(media.resolve(stored.key().substring(0, 2)).resolve(".upload-1.tmp"), "half written");
		Files.writeString(media.resolve("README.txt"), "not an object");
		Files.writeString(media.resolve(other), "a key-like name in the wrong directory");

		try (Stream<StoredObjectInfo> listed = this.storage.list()) {
			assertThat(listed.map(StoredObjectInfo::key).toList()).containsExactly(stored.key());
		}
	}

	@Test
	void aFailedWriteLeavesNoFileBehind() throws IOException {
		assertThatThrownBy(() -> this.storage.store(new ByteArrayInputStream(new byte[5]), 6, "image/png"))
			.isInstanceOf(StorageException.class);

		try (Stream<Path> files = Files.walk(this.root).filter(Files::isRegularFile)) {
			assertThat(files.toList()).isEmpty();
		}
	}
}
