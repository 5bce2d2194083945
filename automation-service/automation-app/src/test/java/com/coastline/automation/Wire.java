package com.coastline.automation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.coastline.notification.api.NotificationTopics;
import com.coastline.platform.test.kafka.TopicRecords;
import com.coastline.identity.api.IdentityTopics;
import com.coastline.identity.api.WorkspaceCreated;
import com.coastline.portal.api.PortalProfileChanged;
import com.coastline.portal.api.PortalTopics;
import com.coastline.project.api.ContactUpserted;
import com.coastline.project.api.ProjectApproved;
import com.coastline.project.api.ProjectUpserted;
import com.coastline.project.api.ProjectTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

import static com.coastline.platform.test.kafka.TopicRecords.header;
import static org.awaitility.Awaitility.await;

/**
 * What crosses the wire around this service: events written exactly as project- and
 * notification-service write them (key, CloudEvents headers, JSON), SendEmail commands read back, and
 * whether the consumer has processed a record.
 */
public final class Wire {

	public static final Duration EVENTUALLY = Duration.ofSeconds(30);

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final TopicRecords topics;

	private final JdbcTemplate jdbc;

	public Wire(String bootstrapServers, JdbcTemplate jdbc) {
		this.topics = new TopicRecords(bootstrapServers);
		this.jdbc = jdbc;
	}

	public TopicRecords topics() {
		return topics;
	}

	public static ProjectApproved projectApproved(UUID workspaceId, UUID projectId) {
		return new ProjectApproved(UUID.randomUUID(), workspaceId, projectId, "Roof replacement", "12 Pine St",
				new ProjectApproved.PrimaryContact(UUID.randomUUID(), "Dana", "Reyes", "dana.reyes@example.com"),
				Instant.now(), 3);
	}

	/** Publishes the event as project-service does; returns the {@code ce_id} used. */
	public String publish(ProjectApproved event) {
		return publish(event, event.eventId().toString());
	}

	/** Publishes the event under a chosen {@code ce_id} (a resubmission that got a new one, say). */
	public String publish(ProjectApproved event, String ceId) {
		send(ProjectTopics.EVENTS, event.projectId().toString(), JSON.writeValueAsString(event), ceId,
				ProjectTopics.PROJECT_APPROVED, "/project-service", event.approvedAt());
		return ceId;
	}

	/** Publishes another event of project-service, as it does (keyed by its aggregate). */
	public String publishProjectEvent(String type, String key, UUID eventId, Object event) {
		send(ProjectTopics.EVENTS, key, JSON.writeValueAsString(event), eventId.toString(), type, "/project-service",
				Instant.now());
		return eventId.toString();
	}

	/** Publishes the workspace's WorkspaceCreated as identity-service does, and waits until it is processed. */
	public void workspaceCreated(UUID workspaceId, String name) {
		WorkspaceCreated event = new WorkspaceCreated(UUID.randomUUID(), workspaceId, name, "America/New_York", "USD",
				Instant.now(), 1);
		send(IdentityTopics.EVENTS, workspaceId.toString(), JSON.writeValueAsString(event), event.eventId().toString(),
				IdentityTopics.WORKSPACE_CREATED, "/identity-service", Instant.now());
		awaitProcessed(event.eventId().toString());
	}

	/** Publishes the workspace's portal profile as portal-service does, and waits until it is processed. */
	public void portalProfileChanged(UUID workspaceId, String displayName, String phone, long version) {
		PortalProfileChanged event = new PortalProfileChanged(UUID.randomUUID(), workspaceId, "summit-roofing",
				displayName, "#0b5cad", phone, null, null, null, true, version, Instant.now());
		send(PortalTopics.EVENTS, workspaceId.toString(), JSON.writeValueAsString(event), event.eventId().toString(),
				PortalTopics.PORTAL_PROFILE_CHANGED, "/portal-service", Instant.now());
		awaitProcessed(event.eventId().toString());
	}

	/** Publishes a contact's current state, and waits until it is processed. */
	public void contactUpserted(UUID workspaceId, UUID contactId, String firstName, String lastName, String email,
			long version) {
		ContactUpserted event = new ContactUpserted(UUID.randomUUID(), workspaceId, contactId, firstName, lastName, email,
				null, version, Instant.now());
		awaitProcessed(publishProjectEvent(ProjectTopics.CONTACT_UPSERTED, contactId.toString(), event.eventId(), event));
	}

	/** Publishes a project's current state, and waits until it is processed. */
	public void projectUpserted(UUID workspaceId, UUID projectId, String name, String address, UUID primaryContactId,
			long version) {
		ProjectUpserted event = new ProjectUpserted(UUID.randomUUID(), workspaceId, projectId, name, address, "ESTIMATING",
				primaryContactId, List.of(), version, Instant.now());
		awaitProcessed(publishProjectEvent(ProjectTopics.PROJECT_UPSERTED, projectId.toString(), event.eventId(), event));
	}

	/** Publishes an event of notification-service, keyed by the email's idempotency key. */
	public String publishNotification(String type, UUID eventId, String idempotencyKey, Object event) {
		send(NotificationTopics.EVENTS, idempotencyKey, JSON.writeValueAsString(event), eventId.toString(), type,
				"/notification-service", Instant.now());
		return eventId.toString();
	}

	public void send(String topic, String key, String json, String ceId, String ceType, String source, Instant time) {
		topics.send(topic, key, json, Map.of("ce_id", ceId, "ce_type", ceType, "ce_source", source,
				"ce_specversion", "1.0", "ce_time", time.toString(), "ce_subject", key, "content-type",
				"application/json"));
	}

	/** Waits until this service's consumer has processed (and committed) the record with this {@code ce_id}. */
	public void awaitProcessed(String ceId) {
		await().atMost(EVENTUALLY)
			.until(() -> jdbc.queryForObject(
					"select count(*) from processed_message where consumer_group = 'automation-service' and message_id = ?",
					Integer.class, ceId) == 1);
	}

	/** The SendEmail commands on the wire, for a workspace. */
	public List<ConsumerRecord<String, String>> sendEmails(UUID workspaceId) {
		return topics.readAll(NotificationTopics.COMMANDS)
			.stream()
			.filter(record -> workspaceId.toString().equals(read(record).path("workspaceId").asString()))
			.toList();
	}

	/** Waits for the SendEmail of a run and returns it. */
	public ConsumerRecord<String, String> awaitSendEmail(UUID runId) {
		return topics.await(NotificationTopics.COMMANDS,
				record -> runId.toString().equals(read(record).path("correlation").path("automationRunId").asString()));
	}

	/** The runs recorded for a trigger event, by automation (read without tenant filtering). */
	public List<Map<String, Object>> runsFor(UUID triggerEventId) {
		return jdbc.queryForList("select id, automation_id, status from automation_run where trigger_event_id = ?",
				triggerEventId);
	}

	/** The one run of an automation for an event, once it is there. */
	public UUID awaitRun(UUID triggerEventId, UUID automationId) {
		return await().atMost(EVENTUALLY)
			.until(() -> jdbc.queryForList(
					"select id from automation_run where trigger_event_id = ? and automation_id = ?", UUID.class,
					triggerEventId, automationId), ids -> ids.size() == 1)
			.get(0);
	}

	public static JsonNode read(ConsumerRecord<String, String> record) {
		return JSON.readTree(record.value());
	}

	public static String ceId(ConsumerRecord<String, String> record) {
		return header(record, "ce_id");
	}
}
