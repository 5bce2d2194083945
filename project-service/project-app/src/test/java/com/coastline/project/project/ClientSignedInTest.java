package com.coastline.project.project;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import com.coastline.identity.api.ClientSignedIn;
import com.coastline.identity.api.IdentityTopics;
import com.coastline.platform.test.kafka.TopicRecords;
import com.coastline.project.BackOffice;
import com.coastline.project.ProjectServiceTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.coastline.platform.test.kafka.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ClientSignedIn} from {@code identity.events}, as identity-service writes it, lands once on the
 * timeline of every project the contact sees; poison goes to the dead-letter topic.
 */
@ProjectServiceTest
class ClientSignedInTest {

	private static final String DEAD_IDENTITY_EVENTS = "error.identity.events.project-service";

	private static final Duration EVENTUALLY = Duration.ofSeconds(60);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	TopicRecords topics;

	BackOffice backOffice;

	UUID dana;

	UUID own;

	UUID addedTo;

	UUID someoneElses;

	@BeforeEach
	void givenDanaSeesTwoOfThreeProjects() {
		this.topics = new TopicRecords(this.bootstrapServers);
		this.backOffice = new BackOffice(this.mvc, UUID.randomUUID());
		this.dana = this.backOffice.createContact("Dana", "Reyes", "dana@example.com");
		UUID sam = this.backOffice.createContact("Sam", "Ortiz", "sam@example.com");
		this.own = this.backOffice.createProject("Roof", null, this.dana);
		this.addedTo = this.backOffice.createProject("Deck", null, sam);
		this.someoneElses = this.backOffice.createProject("Fence", null, sam);
		assertThat(this.backOffice.post("/api/projects/" + this.addedTo + "/contacts/" + this.dana)).hasStatusOk();
	}

	@Test
	void aSignInIsRecordedOnEveryProjectTheContactSees() {
		// given
		ClientSignedIn signedIn = signedIn(this.backOffice.workspace(), this.dana);

		// when
		awaitProcessed(publish(signedIn, signedIn.eventId().toString()));

		// then
		assertThat(signIns(this.own)).isEqualTo(1);
		assertThat(signIns(this.addedTo)).isEqualTo(1);
		assertThat(signIns(this.someoneElses)).isZero();
		assertThat(this.backOffice.get("/api/projects/" + this.own + "/timeline")).bodyJson()
			.extractingPath("$[0].summary")
			.isEqualTo("Dana Reyes signed in to the portal with a one-tap link");
		assertThat(this.backOffice.get("/api/projects/" + this.own + "/timeline")).bodyJson()
			.extractingPath("$[0].occurredAt")
			.isEqualTo(signedIn.signedInAt().toString());
	}

	@Test
	void aRedeliveredSignInIsRecordedOnce() {
		// given
		ClientSignedIn signedIn = signedIn(this.backOffice.workspace(), this.dana);
		awaitProcessed(publish(signedIn, signedIn.eventId().toString()));
		ConsumerRecord<String, String> original = this.topics.await(IdentityTopics.EVENTS,
				record -> signedIn.eventId().toString().equals(header(record, "ce_id")));

		// when the same record arrives again, followed by another sign-in
		this.topics.resend(original);
		ClientSignedIn later = signedIn(this.backOffice.workspace(), this.dana);
		awaitProcessed(publish(later, later.eventId().toString()));

		// then
		assertThat(signIns(this.own)).isEqualTo(2);
		assertThat(signIns(this.addedTo)).isEqualTo(2);
	}

	@Test
	void aSignInOfAnotherWorkspaceRecordsNothingHere() {
		ClientSignedIn elsewhere = signedIn(UUID.randomUUID(), this.dana);

		awaitProcessed(publish(elsewhere, elsewhere.eventId().toString()));

		assertThat(signIns(this.own)).isZero();
	}

	@Test
	void poisonGoesToTheDeadLetterTopicAndLaterSignInsStillCount() {
		// given
		String unreadable = UUID.randomUUID().toString();
		String withoutWorkspace = UUID.randomUUID().toString();

		// when
		send("{this is not json", unreadable);
		send("{\"eventId\": \"" + withoutWorkspace + "\", \"contactId\": \"" + this.dana
				+ "\", \"method\": \"link\", \"signedInAt\": \"2026-11-28T09:00:00Z\"}", withoutWorkspace);
		ClientSignedIn next = signedIn(this.backOffice.workspace(), this.dana);
		awaitProcessed(publish(next, next.eventId().toString()));

		// then
		ConsumerRecord<String, String> dead = this.topics.await(DEAD_IDENTITY_EVENTS,
				record -> unreadable.equals(header(record, "ce_id")));
		assertThat(dead.value()).isEqualTo("{this is not json");
		assertThat(header(dead, "ce_type")).isEqualTo(IdentityTopics.CLIENT_SIGNED_IN);
		assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(IdentityTopics.EVENTS);
		this.topics.await(DEAD_IDENTITY_EVENTS, record -> withoutWorkspace.equals(header(record, "ce_id")));
		assertThat(signIns(this.own)).isEqualTo(1);
	}

	private static ClientSignedIn signedIn(UUID workspace, UUID contact) {
		return new ClientSignedIn(UUID.randomUUID(), workspace, contact, UUID.randomUUID(), "link",
				Instant.now().truncatedTo(ChronoUnit.MICROS));
	}

	/** Publishes the event as identity-service does (keyed by workspace); returns the {@code ce_id}. */
	private String publish(ClientSignedIn event, String ceId) {
		this.topics.send(IdentityTopics.EVENTS, event.workspaceId().toString(), JSON.writeValueAsString(event),
				headers(ceId, event.contactId().toString()));
		return ceId;
	}

	private void send(String json, String ceId) {
		this.topics.send(IdentityTopics.EVENTS, this.backOffice.workspace().toString(), json, headers(ceId, "x"));
	}

	private static Map<String, String> headers(String ceId, String subject) {
		return Map.of("ce_id", ceId, "ce_type", IdentityTopics.CLIENT_SIGNED_IN, "ce_source", "/identity-service",
				"ce_specversion", "1.0", "ce_time", Instant.now().toString(), "ce_subject", subject, "content-type",
				"application/json");
	}

	private void awaitProcessed(String ceId) {
		await().atMost(EVENTUALLY)
			.until(() -> this.jdbc.queryForObject(
					"select count(*) from processed_message where consumer_group = 'project-service' and message_id = ?",
					Integer.class, ceId) == 1);
	}

	/** Sign-ins on a project's timeline, read without tenant filtering. */
	private int signIns(UUID project) {
		return this.jdbc.queryForObject(
				"select count(*) from project_activity where project_id = ? and kind = 'CLIENT_SIGNED_IN'",
				Integer.class, project);
	}
}
