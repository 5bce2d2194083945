package com.coastline.portal.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.coastline.identity.api.IdentityTopics;
import com.coastline.identity.api.WorkspaceCreated;
import com.coastline.platform.test.kafka.TopicRecords;
import com.coastline.platform.test.security.TestTokens;
import com.coastline.portal.api.PortalTopics;
import com.coastline.project.api.ProjectTopics;
import com.coastline.project.api.ProjectUpserted;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Workspaces and projects arriving from identity and project, profile changes by owners, tokens. */
public final class PortalFixture {

	public static final Duration EVENTUALLY = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MockMvc mvc;

	private final JdbcTemplate jdbc;

	public final TopicRecords topics;

	public PortalFixture(MockMvc mvc, JdbcTemplate jdbc, Environment environment) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.topics = new TopicRecords(environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
	}

	/** identity-service announces a new workspace; waits until portal-service has handled it. */
	public UUID workspace(String name) {
		UUID workspace = UUID.randomUUID();
		UUID eventId = UUID.randomUUID();
		WorkspaceCreated event = new WorkspaceCreated(eventId, workspace, name, "America/Denver", "USD", Instant.now(), 1);
		this.topics.send(IdentityTopics.EVENTS, workspace.toString(), JSON.writeValueAsString(event),
				headers(eventId, IdentityTopics.WORKSPACE_CREATED, "/identity-service", workspace));
		awaitProcessed(eventId);
		return workspace;
	}

	/** project-service publishes the project's state; waits until portal-service has handled it. */
	public void projectUpserted(UUID workspace, UUID project, UUID primaryContact, long version) {
		UUID eventId = UUID.randomUUID();
		ProjectUpserted event = new ProjectUpserted(eventId, workspace, project, "Kitchen remodel", "12 Harbor Lane",
				"APPROVED", primaryContact, List.of(), version, Instant.now());
		this.topics.send(ProjectTopics.EVENTS, project.toString(), JSON.writeValueAsString(event),
				headers(eventId, ProjectTopics.PROJECT_UPSERTED, "/project-service", project));
		awaitProcessed(eventId);
	}

	/** A unique, valid address. */
	public static String slug(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** An owner sets the address (and a display name); expects 200. */
	public void setUp(UUID workspace, String slug) throws Exception {
		change(workspace, profile(slug, "Harbor Builders", "#0b5cad")).andExpect(status().isOk());
	}

	/** An owner sets up the portal and activates it. */
	public void activePortal(UUID workspace, String slug) throws Exception {
		setUp(workspace, slug);
		this.mvc.perform(post("/api/portal-profile/activate").header("Authorization", owner(workspace)))
			.andExpect(status().isOk());
	}

	public ResultActions change(UUID workspace, String json) throws Exception {
		return this.mvc.perform(put("/api/portal-profile").header("Authorization", owner(workspace))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	public static String profile(String slug, String displayName, String accent) {
		return """
				{"slug": "%s", "displayName": "%s", "accentColor": "%s", "contactPhone": "+1 303 555 0100",
				 "contactEmail": "office@harbor.example", "contactAddress": "1 Dock St, Boulder CO"}
				""".formatted(slug, displayName, accent);
	}

	/** The portal event of the workspace with this type and version, once on the topic. */
	public ConsumerRecord<String, String> published(UUID workspace, String type, long version) {
		return this.topics.await(PortalTopics.EVENTS,
				(record) -> workspace.toString().equals(record.key()) && type.equals(TopicRecords.header(record, "ce_type"))
						&& record.value().contains("\"version\":" + version));
	}

	/** Every portal event of the workspace on the topic now. */
	public List<ConsumerRecord<String, String>> publishedFor(UUID workspace) {
		return this.topics.readAll(PortalTopics.EVENTS).stream().filter((record) -> workspace.toString().equals(record.key())).toList();
	}

	public static String owner(UUID workspace) {
		return TestTokens.staff(workspace).subject("staff-olivia").roles("owner", "staff").bearer();
	}

	public static String staff(UUID workspace) {
		return TestTokens.staff(workspace).subject("staff-dana").bearer();
	}

	private void awaitProcessed(UUID eventId) {
		await().atMost(EVENTUALLY)
			.until(() -> this.jdbc.queryForObject(
					"select count(*) from processed_message where consumer_group = 'portal-service' and message_id = ?",
					Integer.class, eventId.toString()) == 1);
	}

	private static Map<String, String> headers(UUID eventId, String type, String source, UUID subject) {
		return Map.of("ce_id", eventId.toString(), "ce_type", type, "ce_source", source, "ce_specversion", "1.0",
				"ce_time", Instant.now().toString(), "ce_subject", subject.toString(), "content-type",
				"application/json");
	}
}
