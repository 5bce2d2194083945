package com.coastline.media.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.coastline.platform.test.kafka.TopicRecords;
import com.coastline.platform.test.security.TestTokens;
import com.coastline.project.api.ProjectTopics;
import com.coastline.project.api.ProjectUpserted;
import com.jayway.jsonpath.JsonPath;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Projects arriving from project-service, uploads by staff, tokens: the steps the tests share. */
public final class MediaFixture {

	public static final Duration EVENTUALLY = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MockMvc mvc;

	private final JdbcTemplate jdbc;

	public final TopicRecords topics;

	public MediaFixture(MockMvc mvc, JdbcTemplate jdbc, Environment environment) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.topics = new TopicRecords(environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
	}

	/** A workspace with one project whose primary contact is {@code contact}, known to media-service. */
	public Job job() {
		UUID workspace = UUID.randomUUID();
		UUID contact = UUID.randomUUID();
		UUID project = UUID.randomUUID();
		projectUpserted(workspace, project, contact, List.of(), 1);
		return new Job(workspace, project, contact);
	}

	/** project-service publishes the project's state at {@code version}; waits until media-service has handled it. */
	public void projectUpserted(UUID workspace, UUID project, UUID primaryContact, List<UUID> added, long version) {
		projectUpserted(UUID.randomUUID(), workspace, project, primaryContact, added, version);
	}

	/** The same, with a chosen {@code ce_id} (a redelivery carries the one it had). */
	public void projectUpserted(UUID eventId, UUID workspace, UUID project, UUID primaryContact, List<UUID> added,
			long version) {
		ProjectUpserted event = new ProjectUpserted(eventId, workspace, project, "Kitchen remodel", "12 Harbor Lane",
				"APPROVED", primaryContact, added, version, Instant.now());
		sendProjectEvent(project, eventId, JSON.writeValueAsString(event));
		await().atMost(EVENTUALLY).until(() -> processed(eventId));
	}

	/** Sends a {@code ProjectUpserted} record as is (no wait): for poison and duplicate tests. */
	public void sendProjectEvent(UUID project, UUID eventId, String payload) {
		this.topics.send(ProjectTopics.EVENTS, project.toString(), payload,
				Map.of("ce_id", eventId.toString(), "ce_type", ProjectTopics.PROJECT_UPSERTED, "ce_source",
						"/project-service", "ce_specversion", "1.0", "ce_time", Instant.now().toString(), "ce_subject",
						project.toString(), "content-type", "application/json"));
	}

	public boolean processed(UUID eventId) {
		return this.jdbc.queryForObject(
				"select count(*) from processed_message where consumer_group = 'media-service' and message_id = ?",
				Integer.class, eventId.toString()) == 1;
	}

	public ResultActions uploadPhoto(Job job, String fileName, String declaredType, byte[] content) throws Exception {
		return uploadPhoto(job.workspace(), job.project(), fileName, declaredType, content);
	}

	public ResultActions uploadPhoto(UUID workspace, UUID project, String fileName, String declaredType, byte[] content)
			throws Exception {
		return this.mvc.perform(multipart("/api/projects/{projectId}/photos", project)
			.file(new MockMultipartFile("file", fileName, declaredType, content))
			.header("Authorization", staff(workspace)));
	}

	/** Uploads a JPEG with GPS EXIF and returns the photo's id. */
	public UUID photo(Job job) throws Exception {
		String body = uploadPhoto(job, "IMG_0001.jpg", "image/jpeg", TestFiles.jpegWithGps())
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(JsonPath.read(body, "$.id"));
	}

	public ResultActions uploadDocument(Job job, String fileName, String declaredType, byte[] content) throws Exception {
		return this.mvc.perform(multipart("/api/projects/{projectId}/documents", job.project())
			.file(new MockMultipartFile("file", fileName, declaredType, content))
			.header("Authorization", staff(job.workspace())));
	}

	public UUID document(Job job) throws Exception {
		String body = uploadDocument(job, "Permit.pdf", "application/pdf", TestFiles.pdf())
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(JsonPath.read(body, "$.id"));
	}

	public static String staff(UUID workspace) {
		return TestTokens.staff(workspace).subject("staff-dana").bearer();
	}

	public static String client(Job job) {
		return TestTokens.client(job.workspace(), job.contact()).bearer();
	}

	/**
	 * A workspace, one of its projects and the project's primary contact.
	 */
	public record Job(UUID workspace, UUID project, UUID contact) {
	}
}
