package com.coastline.media;

import java.util.List;
import java.util.UUID;

import com.coastline.media.api.MediaTopics;
import com.coastline.media.storage.MediaStorage;
import com.coastline.media.support.MediaFixture;
import com.coastline.media.support.MediaFixture.Job;
import com.coastline.media.support.MediaServiceTest;
import com.coastline.media.support.WireContracts;
import com.coastline.platform.test.kafka.TopicRecords;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Staff delete photos and documents: rows, stored files and portal links go, with events saying who and when. */
@MediaServiceTest
class DeletionTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment environment;

	@Autowired
	MediaStorage storage;

	MediaFixture media;

	Job job;

	@BeforeEach
	void setUp() {
		this.media = new MediaFixture(this.mvc, this.jdbc, this.environment);
		this.job = this.media.job();
	}

	@Test
	void aDeletedPhotoOnThePortalIsGoneWithItsFilesAndItsOldPortalLinks() throws Exception {
		UUID photo = this.media.photo(this.job);
		UUID kept = this.media.photo(this.job);
		this.mvc.perform(post("/api/photos/add-to-portal").contentType(MediaType.APPLICATION_JSON)
				.content("{\"photoIds\":[\"" + photo + "\",\"" + kept + "\"]}").header("Authorization", staff()))
			.andExpect(status().isOk());
		this.mvc.perform(get("/portal/photos/{id}/web", photo).header("Authorization", MediaFixture.client(this.job)))
			.andExpect(status().isOk());
		List<String> keys = this.jdbc.queryForObject(
				"select original_key, thumbnail_key, web_key from photo where id = ?",
				(row, number) -> List.of(row.getString(1), row.getString(2), row.getString(3)), photo);
		assertThat(keys).allSatisfy((key) -> assertThat(this.storage.exists(key)).isTrue());

		this.mvc.perform(delete("/api/photos/{id}", photo).header("Authorization", staff()))
			.andExpect(status().isNoContent());

		assertThat(keys).allSatisfy((key) -> assertThat(this.storage.exists(key)).as(key).isFalse());
		this.mvc.perform(get("/api/photos/{id}", photo).header("Authorization", staff()))
			.andExpect(status().isNotFound());
		for (String path : List.of("/portal/photos/{id}/web", "/portal/photos/{id}/thumbnail")) {
			this.mvc.perform(get(path, photo).header("Authorization", MediaFixture.client(this.job)))
				.andExpect(status().isNotFound());
		}
		this.mvc.perform(get("/portal/projects/{id}/photos", this.job.project())
				.header("Authorization", MediaFixture.client(this.job)))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id").value(kept.toString()));
		this.mvc.perform(delete("/api/photos/{id}", photo).header("Authorization", staff()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));

		ConsumerRecord<String, String> unshared = assertPublished(MediaTopics.PHOTO_UNSHARED, photo);
		assertThat(JsonPath.<String>read(unshared.value(), "$.unsharedBy")).isEqualTo("staff-dana");
		ConsumerRecord<String, String> deleted = assertPublished(MediaTopics.PHOTO_DELETED, photo);
		assertThat(JsonPath.<String>read(deleted.value(), "$.deletedBy")).isEqualTo("staff-dana");
		assertThat(JsonPath.<Boolean>read(deleted.value(), "$.wasOnPortal")).isTrue();
		assertThat(JsonPath.<String>read(deleted.value(), "$.deletedAt")).isNotBlank();
		assertThat(JsonPath.<String>read(deleted.value(), "$.workspaceId")).isEqualTo(this.job.workspace().toString());
	}

	@Test
	void aPrivatePhotoIsDeletedWithoutAnUnsharedEvent() throws Exception {
		UUID photo = this.media.photo(this.job);

		this.mvc.perform(delete("/api/photos/{id}", photo).header("Authorization", staff()))
			.andExpect(status().isNoContent());

		ConsumerRecord<String, String> deleted = assertPublished(MediaTopics.PHOTO_DELETED, photo);
		assertThat(JsonPath.<Boolean>read(deleted.value(), "$.wasOnPortal")).isFalse();
		assertThat(this.media.topics.readAll(MediaTopics.EVENTS))
			.noneMatch((record) -> MediaTopics.PHOTO_UNSHARED.equals(TopicRecords.header(record, "ce_type"))
					&& photo.toString().equals(record.key()));
	}

	@Test
	void aDeletedSharedDocumentIsGoneWithItsFileAndItsPortalLink() throws Exception {
		UUID document = this.media.document(this.job);
		this.mvc.perform(post("/api/documents/{id}/share", document).header("Authorization", staff()))
			.andExpect(status().isOk());
		this.mvc.perform(get("/portal/documents/{id}/file", document)
				.header("Authorization", MediaFixture.client(this.job)))
			.andExpect(status().isOk());
		String key = this.jdbc.queryForObject("select storage_key from document where id = ?", String.class, document);
		assertThat(this.storage.exists(key)).isTrue();

		this.mvc.perform(delete("/api/documents/{id}", document).header("Authorization", staff()))
			.andExpect(status().isNoContent());

		assertThat(this.storage.exists(key)).isFalse();
		this.mvc.perform(get("/portal/documents/{id}/file", document)
				.header("Authorization", MediaFixture.client(this.job)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/portal/projects/{id}/documents", this.job.project())
				.header("Authorization", MediaFixture.client(this.job)))
			.andExpect(jsonPath("$", hasSize(0)));
		this.mvc.perform(get("/api/documents/{id}", document).header("Authorization", staff()))
			.andExpect(status().isNotFound());
		this.mvc.perform(delete("/api/documents/{id}", document).header("Authorization", staff()))
			.andExpect(status().isNotFound());

		assertPublished(MediaTopics.DOCUMENT_UNSHARED, document);
		ConsumerRecord<String, String> deleted = assertPublished(MediaTopics.DOCUMENT_DELETED, document);
		assertThat(JsonPath.<String>read(deleted.value(), "$.deletedBy")).isEqualTo("staff-dana");
		assertThat(JsonPath.<Boolean>read(deleted.value(), "$.wasShared")).isTrue();
	}

	@Test
	void anotherWorkspaceCannotDeleteAndClientsMayNot() throws Exception {
		UUID photo = this.media.photo(this.job);
		UUID document = this.media.document(this.job);
		String intruder = MediaFixture.staff(UUID.randomUUID());

		this.mvc.perform(delete("/api/photos/{id}", photo).header("Authorization", intruder))
			.andExpect(status().isNotFound());
		this.mvc.perform(delete("/api/documents/{id}", document).header("Authorization", intruder))
			.andExpect(status().isNotFound());
		this.mvc.perform(delete("/api/photos/{id}", photo).header("Authorization", MediaFixture.client(this.job)))
			.andExpect(status().isForbidden());
		this.mvc.perform(delete("/api/documents/{id}", document).header("Authorization", MediaFixture.client(this.job)))
			.andExpect(status().isForbidden());
		this.mvc.perform(delete("/api/photos/{id}", photo)).andExpect(status().isUnauthorized());
		this.mvc.perform(delete("/api/photos/{id}", "not-a-uuid").header("Authorization", staff()))
			.andExpect(status().isBadRequest());

		this.mvc.perform(get("/api/photos/{id}/original", photo).header("Authorization", staff()))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/documents/{id}/file", document).header("Authorization", staff()))
			.andExpect(status().isOk());
	}

	private String staff() {
		return MediaFixture.staff(this.job.workspace());
	}

	private ConsumerRecord<String, String> assertPublished(String type, UUID id) {
		ConsumerRecord<String, String> record = this.media.topics.await(MediaTopics.EVENTS,
				(candidate) -> type.equals(TopicRecords.header(candidate, "ce_type"))
						&& id.toString().equals(candidate.key()));
		assertThat(TopicRecords.header(record, "ce_subject")).isEqualTo(id.toString());
		WireContracts.assertValid(record.value(), type);
		return record;
	}
}
