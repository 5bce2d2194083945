package com.coastline.media.api;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.coastline.platform.test.contract.ContractSchemas.assertAdditiveChangeOf;
import static com.coastline.platform.test.contract.ContractSchemas.assertConforms;
import static com.coastline.platform.test.contract.ContractSchemas.examples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaContractTest {

	private static final UUID WORKSPACE = UUID.randomUUID();

	private static final UUID PROJECT = UUID.randomUUID();

	@Test
	void photoEventsMatchTheirSchemas() {
		UUID photo = UUID.randomUUID();
		assertConforms(new PhotoAdded(UUID.randomUUID(), WORKSPACE, PROJECT, photo, "image/jpeg", 4032, 3024, "staff-1",
				Instant.now()), schema(MediaTopics.PHOTO_ADDED));
		assertConforms(new PhotoShared(UUID.randomUUID(), WORKSPACE, PROJECT, photo, "staff-1", Instant.now()),
				schema(MediaTopics.PHOTO_SHARED));
		assertConforms(new PhotoUnshared(UUID.randomUUID(), WORKSPACE, PROJECT, photo, "staff-1", Instant.now()),
				schema(MediaTopics.PHOTO_UNSHARED));
		assertConforms(new PhotoDeleted(UUID.randomUUID(), WORKSPACE, PROJECT, photo, true, "staff-1", Instant.now()),
				schema(MediaTopics.PHOTO_DELETED));
		assertThat(examples(schema(MediaTopics.PHOTO_ADDED), PhotoAdded.class)).extracting(PhotoAdded::contentType)
			.containsOnly("image/jpeg");
		assertThat(examples(schema(MediaTopics.PHOTO_SHARED), PhotoShared.class)).isNotEmpty();
		assertThat(examples(schema(MediaTopics.PHOTO_UNSHARED), PhotoUnshared.class)).isNotEmpty();
		assertThat(examples(schema(MediaTopics.PHOTO_DELETED), PhotoDeleted.class)).isNotEmpty();
	}

	@Test
	void documentEventsMatchTheirSchemas() {
		UUID document = UUID.randomUUID();
		assertConforms(new DocumentShared(UUID.randomUUID(), WORKSPACE, PROJECT, document, "Permit.pdf",
				"application/pdf", "staff-1", Instant.now()), schema(MediaTopics.DOCUMENT_SHARED));
		assertConforms(new DocumentUnshared(UUID.randomUUID(), WORKSPACE, PROJECT, document, "staff-1", Instant.now()),
				schema(MediaTopics.DOCUMENT_UNSHARED));
		assertConforms(new DocumentDeleted(UUID.randomUUID(), WORKSPACE, PROJECT, document, false, "staff-1",
				Instant.now()), schema(MediaTopics.DOCUMENT_DELETED));
		assertThat(examples(schema(MediaTopics.DOCUMENT_SHARED), DocumentShared.class)).isNotEmpty();
		assertThat(examples(schema(MediaTopics.DOCUMENT_UNSHARED), DocumentUnshared.class)).isNotEmpty();
		assertThat(examples(schema(MediaTopics.DOCUMENT_DELETED), DocumentDeleted.class)).isNotEmpty();
	}

	@Test
	void aPhotoOfAnotherTypeBreaksTheSchema() {
		assertThatThrownBy(() -> assertConforms(new PhotoAdded(UUID.randomUUID(), WORKSPACE, PROJECT, UUID.randomUUID(),
				"image/heic", 10, 10, "staff-1", Instant.now()), schema(MediaTopics.PHOTO_ADDED)))
			.isInstanceOf(AssertionError.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { MediaTopics.PHOTO_ADDED, MediaTopics.PHOTO_SHARED, MediaTopics.PHOTO_UNSHARED,
			MediaTopics.PHOTO_DELETED, MediaTopics.DOCUMENT_SHARED, MediaTopics.DOCUMENT_UNSHARED,
			MediaTopics.DOCUMENT_DELETED })
	void schemasChangeOnlyAdditively(String type) {
		assertAdditiveChangeOf("baseline/" + type + ".json", schema(type));
	}

	private static String schema(String type) {
		return "schemas/" + type + ".json";
	}
}
