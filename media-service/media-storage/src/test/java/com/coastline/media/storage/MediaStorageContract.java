package com.coastline.media.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link MediaStorage} adapter does; each adapter's test extends it. */
abstract class MediaStorageContract {

	/** The adapter under test, fresh or shared; tests never assume an empty store. */
	protected abstract MediaStorage storage();

	@Test
	void storedContentReadsBackByteForByte() throws IOException {
		byte[] content = randomBytes(3 * 1024 * 1024 + 17);

		StoredObject stored = storage().store(new ByteArrayInputStream(content), content.length, "image/jpeg");

		assertThat(stored.length()).isEqualTo(content.length);
		assertThat(storage().exists(stored.key())).isTrue();
		try (InputStream in = storage().open(stored.key())) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
	}

	@Test
	void theSameContentTwiceGetsTwoRandomKeys() {
		byte[] content = randomBytes(100);

		StoredObject first = storage().store(new ByteArrayInputStream(content), content.length, "application/pdf");
		StoredObject second = storage().store(new ByteArrayInputStream(content), content.length, "application/pdf");

		assertThat(first.key()).isNotEqualTo(second.key());
		assertThat(first.key()).matches("[0-9a-f]{32}");
		assertThat(second.key()).matches("[0-9a-f]{32}");
	}

	@Test
	void anEmptyObjectIsStoredToo() throws IOException {
		StoredObject stored = storage().store(new ByteArrayInputStream(new byte[0]), 0, "application/octet-stream");

		try (InputStream in = storage().open(stored.key())) {
			assertThat(in.readAllBytes()).isEmpty();
		}
	}

	@Test
	void anUnknownKeyIsNotFound() {
		String unknown = StorageKeys.newKey();

		assertThat(storage().exists(unknown)).isFalse();
		assertThatThrownBy(() -> storage().open(unknown)).isInstanceOf(ObjectNotFoundException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "../../../../etc/passwd", "..", "/etc/passwd", "ab/../../cd", "ABCDEF0123456789ABCDEF0123456789",
			"0123456789abcdef0123456789abcdef/..", "" })
	void aStringThatIsNotOneOfItsKeysNamesNothing(String notAKey) {
		assertThat(storage().exists(notAKey)).isFalse();
		assertThatThrownBy(() -> storage().open(notAKey)).isInstanceOf(ObjectNotFoundException.class)
			.hasMessageNotContaining(notAKey.isEmpty() ? "\u0000" : notAKey);
	}

	@Test
	void aDeletedObjectIsGoneAndDeletingAgainDoesNothing() {
		StoredObject stored = storage().store(new ByteArrayInputStream(randomBytes(10)), 10, "image/png");

		storage().delete(stored.key());
		storage().delete(stored.key());

		assertThat(storage().exists(stored.key())).isFalse();
		assertThatThrownBy(() -> storage().open(stored.key())).isInstanceOf(ObjectNotFoundException.class);
	}

	@Test
	void aStreamShorterThanAnnouncedIsRefusedAndLeavesNoObject() {
		assertThatThrownBy(() -> storage().store(new ByteArrayInputStream(randomBytes(10)), 20, "image/png"))
			.isInstanceOf(StorageException.class);
	}

	@Test
	void theListingShowsEveryStoredObjectWithItsSizeAndTimeButNotDeletedOnes() {
		Instant before = Instant.now().minusSeconds(2);
		StoredObject first = storage().store(new ByteArrayInputStream(randomBytes(10)), 10, "image/png");
		StoredObject second = storage().store(new ByteArrayInputStream(randomBytes(25)), 25, "application/pdf");
		StoredObject deleted = storage().store(new ByteArrayInputStream(randomBytes(5)), 5, "image/jpeg");
		storage().delete(deleted.key());
		Instant after = Instant.now().plusSeconds(2);

		Map<String, StoredObjectInfo> listed;
		try (Stream<StoredObjectInfo> objects = storage().list()) {
			listed = objects.collect(Collectors.toMap(StoredObjectInfo::key, Function.identity()));
		}

		assertThat(listed).containsKeys(first.key(), second.key()).doesNotContainKey(deleted.key());
		assertThat(listed.get(first.key()).length()).isEqualTo(10);
		assertThat(listed.get(second.key()).length()).isEqualTo(25);
		assertThat(listed.get(first.key()).lastModified()).isBetween(before, after);
		assertThat(listed.values()).allSatisfy((object) -> assertThat(object.key()).matches("[0-9a-f]{32}"));
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		new Random(length).nextBytes(bytes);
		return bytes;
	}
}
