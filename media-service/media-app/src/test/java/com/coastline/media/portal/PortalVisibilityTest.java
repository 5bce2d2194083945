package com.coastline.media.portal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.coastline.media.api.MediaTopics;
import com.coastline.media.support.MediaFixture;
import com.coastline.media.support.MediaFixture.Job;
import com.coastline.media.support.MediaServiceTest;
import com.coastline.media.support.TestFiles;
import com.coastline.media.support.WireContracts;
import com.coastline.platform.test.kafka.TopicRecords;
import com.coastline.platform.test.security.TestTokens;
import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MediaServiceTest
class PortalVisibilityTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment environment;

	MediaFixture media;

	Job job;

	@BeforeEach
	void setUp() {
		this.media = new MediaFixture(this.mvc, this.jdbc, this.environment);
		this.job = this.media.job();
	}

	@Test
	void aSharedPhotosClientDownloadHasNoLocationOrSerialWhileTheOriginalKeepsThem() throws Exception {
		UUID photo = this.media.photo(this.job);
		addToPortal(photo).andExpect(status().isOk());

		byte[] web = clientGet("/portal/photos/{id}/web", photo).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/jpeg"))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn().getResponse().getContentAsByteArray();
		byte[] thumbnail = clientGet("/portal/photos/{id}/thumbnail", photo).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		byte[] original = this.mvc.perform(get("/api/photos/{id}/original", photo)
				.header("Authorization", MediaFixture.staff(this.job.workspace())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();

		assertHasNoPersonalMetadata(web);
		assertHasNoPersonalMetadata(thumbnail);
		Metadata kept = ImageMetadataReader.readMetadata(new ByteArrayInputStream(original));
		GeoLocation location = kept.getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation();
		assertThat(location.getLatitude()).isCloseTo(TestFiles.LATITUDE, within(0.001));
		assertThat(location.getLongitude()).isCloseTo(TestFiles.LONGITUDE, within(0.001));
		assertThat(kept.getFirstDirectoryOfType(ExifSubIFDDirectory.class)
			.getString(ExifSubIFDDirectory.TAG_BODY_SERIAL_NUMBER)).isEqualTo(TestFiles.SERIAL_NUMBER);
	}

	@Test
	void aPrivatePhotoIsInvisibleAndUnreachable() throws Exception {
		UUID shared = this.media.photo(this.job);
		UUID hidden = this.media.photo(this.job);
		addToPortal(shared).andExpect(status().isOk());

		clientGet("/portal/projects/{id}/photos", this.job.project()).andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id").value(shared.toString()))
			.andExpect(jsonPath("$[0].webUrl").value("/portal/photos/" + shared + "/web"));
		clientGet("/portal/photos/{id}/web", hidden).andExpect(status().isNotFound());
		clientGet("/portal/photos/{id}/thumbnail", hidden).andExpect(status().isNotFound());
	}

	@Test
	void aRemovedPhotosOldLinkIsRefusedAtOnce() throws Exception {
		UUID photo = this.media.photo(this.job);
		addToPortal(photo).andExpect(status().isOk());
		clientGet("/portal/photos/{id}/web", photo).andExpect(status().isOk());

		this.mvc.perform(post("/api/photos/remove-from-portal").contentType(MediaType.APPLICATION_JSON)
				.content(selection(photo)).header("Authorization", MediaFixture.staff(this.job.workspace())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].onPortal").value(false))
			.andExpect(jsonPath("$[0].visibilityChangedBy").value("staff-dana"));

		clientGet("/portal/photos/{id}/web", photo).andExpect(status().isNotFound());
		clientGet("/portal/photos/{id}/thumbnail", photo).andExpect(status().isNotFound());
		clientGet("/portal/projects/{id}/photos", this.job.project()).andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void manyPhotosAreAddedAtOnceAndTheirEventsFollowTheSchema() throws Exception {
		UUID first = this.media.photo(this.job);
		UUID second = this.media.photo(this.job);

		addToPortal(first, second).andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[0].onPortal").value(true))
			.andExpect(jsonPath("$[1].onPortal").value(true))
			.andExpect(jsonPath("$[1].visibilityChangedBy").value("staff-dana"));
		// Adding again changes nothing and publishes nothing more.
		addToPortal(first).andExpect(status().isOk());

		clientGet("/portal/projects/{id}/photos", this.job.project()).andExpect(jsonPath("$", hasSize(2)));
		for (UUID photo : List.of(first, second)) {
			assertPublished(MediaTopics.PHOTO_ADDED, photo);
			ConsumerRecord<String, String> shared = assertPublished(MediaTopics.PHOTO_SHARED, photo);
			assertThat(shared.value()).contains("\"sharedBy\":\"staff-dana\"");
		}
		assertThat(this.media.topics.readAll(MediaTopics.EVENTS))
			.filteredOn((record) -> MediaTopics.PHOTO_SHARED.equals(TopicRecords.header(record, "ce_type"))
					&& record.key().equals(first.toString()))
			.hasSize(1);
	}

	@Test
	void aBatchWithAnUnknownPhotoChangesNothing() throws Exception {
		UUID photo = this.media.photo(this.job);
		UUID foreign = this.media.photo(this.media.job());

		addToPortal(photo, foreign).andExpect(status().isNotFound());
		addToPortal(photo, UUID.randomUUID()).andExpect(status().isNotFound());

		clientGet("/portal/projects/{id}/photos", this.job.project()).andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void anotherContactOrWorkspaceSeesNothing() throws Exception {
		UUID photo = this.media.photo(this.job);
		addToPortal(photo).andExpect(status().isOk());
		String stranger = TestTokens.client(this.job.workspace(), UUID.randomUUID()).bearer();
		String otherWorkspace = TestTokens.client(UUID.randomUUID(), this.job.contact()).bearer();

		for (String token : List.of(stranger, otherWorkspace)) {
			this.mvc.perform(get("/portal/projects/{id}/photos", this.job.project()).header("Authorization", token))
				.andExpect(status().isNotFound());
			this.mvc.perform(get("/portal/photos/{id}/web", photo).header("Authorization", token))
				.andExpect(status().isNotFound());
			this.mvc.perform(get("/portal/projects/{id}/documents", this.job.project()).header("Authorization", token))
				.andExpect(status().isNotFound());
		}
	}

	@Test
	void anAddedContactSeesTheProjectAndLosesItWhenRemoved() throws Exception {
		UUID partner = UUID.randomUUID();
		this.media.projectUpserted(this.job.workspace(), this.job.project(), this.job.contact(), List.of(partner), 2);
		UUID photo = this.media.photo(this.job);
		addToPortal(photo).andExpect(status().isOk());
		String partnerToken = TestTokens.client(this.job.workspace(), partner).bearer();

		this.mvc.perform(get("/portal/photos/{id}/web", photo).header("Authorization", partnerToken))
			.andExpect(status().isOk());

		this.media.projectUpserted(this.job.workspace(), this.job.project(), this.job.contact(), List.of(), 3);
		// A stale event (older version) arriving late does not give the access back.
		this.media.projectUpserted(this.job.workspace(), this.job.project(), this.job.contact(), List.of(partner), 2);

		this.mvc.perform(get("/portal/photos/{id}/web", photo).header("Authorization", TestTokens.client(
				this.job.workspace(), partner).bearer()))
			.andExpect(status().isNotFound());
	}

	@Test
	void backOfficeIdsOfAnotherWorkspaceAreNotFound() throws Exception {
		UUID photo = this.media.photo(this.job);
		UUID document = this.media.document(this.job);
		String intruder = MediaFixture.staff(UUID.randomUUID());

		for (String path : List.of("/api/photos/" + photo, "/api/photos/" + photo + "/web",
				"/api/photos/" + photo + "/thumbnail", "/api/photos/" + photo + "/original",
				"/api/projects/" + this.job.project() + "/photos", "/api/documents/" + document,
				"/api/documents/" + document + "/file", "/api/projects/" + this.job.project() + "/documents",
				"/api/photos/" + UUID.randomUUID())) {
			this.mvc.perform(get(path).header("Authorization", intruder)).andExpect(status().isNotFound());
		}
		this.mvc.perform(post("/api/photos/add-to-portal").contentType(MediaType.APPLICATION_JSON)
				.content(selection(photo)).header("Authorization", intruder))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/api/photos/remove-from-portal").contentType(MediaType.APPLICATION_JSON)
				.content(selection(photo)).header("Authorization", intruder))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/api/documents/{id}/share", document).header("Authorization", intruder))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/api/documents/{id}/unshare", document).header("Authorization", intruder))
			.andExpect(status().isNotFound());
		this.mvc.perform(multipart("/api/projects/{id}/documents", this.job.project())
				.file(new MockMultipartFile("file", "x.pdf", "application/pdf", TestFiles.pdf()))
				.header("Authorization", intruder))
			.andExpect(status().isNotFound());
		// Nothing of the intruder's attempts reached the owner's data.
		this.mvc.perform(get("/api/photos/{id}", photo).header("Authorization", MediaFixture.staff(this.job.workspace())))
			.andExpect(jsonPath("$.onPortal").value(false));
		this.mvc.perform(get("/api/projects/{id}/documents", this.job.project())
				.header("Authorization", MediaFixture.staff(this.job.workspace())))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].shared").value(false));
	}

	@Test
	void thePortalIsForClientsAndTheOriginalIsNotOnIt() throws Exception {
		UUID photo = this.media.photo(this.job);
		addToPortal(photo).andExpect(status().isOk());

		this.mvc.perform(get("/portal/photos/{id}/web", photo)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/portal/photos/{id}/web", photo)
				.header("Authorization", MediaFixture.staff(this.job.workspace())))
			.andExpect(status().isForbidden());
		clientGet("/portal/photos/{id}/original", photo).andExpect(status().isNotFound());
		clientGet("/api/photos/{id}/original", photo).andExpect(status().isForbidden());
	}

	private ResultActions addToPortal(UUID... photos) throws Exception {
		return this.mvc.perform(post("/api/photos/add-to-portal").contentType(MediaType.APPLICATION_JSON)
			.content(selection(photos))
			.header("Authorization", MediaFixture.staff(this.job.workspace())));
	}

	private ResultActions clientGet(String path, Object id) throws Exception {
		return this.mvc.perform(get(path, id).header("Authorization", MediaFixture.client(this.job)));
	}

	private ConsumerRecord<String, String> assertPublished(String type, UUID photo) {
		ConsumerRecord<String, String> record = this.media.topics.await(MediaTopics.EVENTS,
				(candidate) -> type.equals(TopicRecords.header(candidate, "ce_type"))
						&& photo.toString().equals(candidate.key()));
		assertThat(TopicRecords.header(record, "ce_subject")).isEqualTo(photo.toString());
		assertThat(TopicRecords.header(record, "ce_id")).isNotBlank();
		WireContracts.assertValid(record.value(), type);
		return record;
	}

	private static String selection(UUID... photos) {
		StringBuilder json = new StringBuilder("{\"photoIds\":[");
		for (int i = 0; i < photos.length; i++) {
			json.append(i > 0 ? "," : "").append('"').append(photos[i]).append('"');
		}
		return json.append("]}").toString();
	}

	private static void assertHasNoPersonalMetadata(byte[] jpeg) throws Exception {
		Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(jpeg));
		assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
		assertThat(metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class)).isNull();
		assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
		String raw = new String(jpeg, StandardCharsets.ISO_8859_1);
		assertThat(raw).doesNotContain(TestFiles.SERIAL_NUMBER).doesNotContain(TestFiles.CAMERA_MAKE)
			.doesNotContain("Exif\u0000\u0000");
	}
}
