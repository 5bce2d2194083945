package com.coastline.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.coastline.notification.api.NotificationTopics;
import com.coastline.notification.api.SendEmail;
import com.coastline.notification.support.Commands;
import com.coastline.notification.support.Mailbox;
import com.coastline.notification.support.NotificationServiceTest;
import com.coastline.notification.support.WireContracts;
import com.coastline.platform.test.infra.SharedInfrastructure;
import com.coastline.platform.test.kafka.TopicRecords;
import com.coastline.portal.api.PortalProfileChanged;
import com.coastline.portal.api.PortalTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.coastline.platform.test.kafka.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * portal-service's {@code PortalProfileChanged} on {@code portal.events} brands the workspace's emails, as a
 * recipient receives them.
 */
@NotificationServiceTest
class PortalBrandingFlowTest {

	private static final Duration EVENTUALLY = Duration.ofSeconds(30);

	private static final String DEAD_LETTERS = "error.portal.events.notification-service";

	private static final String LOGO = "https://portal.example/public/portals/harbor-builders/logo?v=5f2b1c9d";

	private final JsonMapper json = JsonMapper.builder().build();

	private final Mailbox mailbox = new Mailbox(SharedInfrastructure.smtp());

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WorkspaceBrandings brandings;

	TopicRecords topics;

	Commands commands;

	@BeforeEach
	void setUp() {
		topics = new TopicRecords(bootstrapServers);
		commands = new Commands(topics);
	}

	@Test
	void anEmailAfterThePortalProfileChangedCarriesTheWorkspacesBrandingEscaped() {
		UUID workspace = UUID.randomUUID();
		PortalProfileChanged profile = profile(workspace, 3, "<b>Harbor</b> & Sons", "#0b5cad", true);
		publish(profile);
		awaitProcessed(profile);

		SendEmail command = Commands.sendEmail(workspace);
		commands.send(command);

		Mailbox.Email email = awaitEmail(command);
		assertThat(email.html()).contains(command.html())
			.contains("border-bottom:3px solid #0b5cad;")
			.contains("<img src=\"https://portal.example/public/portals/harbor-builders/logo?v=5f2b1c9d\" alt=\"&lt;b&gt;Harbor&lt;/b&gt; &amp; Sons\"")
			.contains("<strong>&lt;b&gt;Harbor&lt;/b&gt; &amp; Sons</strong>")
			.contains("<a href=\"tel:+13035550100\"")
			.contains("+1 303 555 0100")
			.contains("<a href=\"mailto:office@harbor.example\"")
			.contains("1 Dock St, Boulder CO")
			.doesNotContain("<b>Harbor</b>")
			.doesNotContain("#0e7490");
		assertThat(email.text().replace("\r\n", "\n")).startsWith(command.text())
			.contains("<b>Harbor</b> & Sons\n+1 303 555 0100\noffice@harbor.example\n1 Dock St, Boulder CO");
	}

	@Test
	void anOlderOrRepeatedVersionChangesNothingAndAClosedPortalKeepsItsBranding() {
		UUID workspace = UUID.randomUUID();
		PortalProfileChanged current = profile(workspace, 5, "Harbor Builders", "#0b5cad", false);
		PortalProfileChanged older = profile(workspace, 4, "Old Harbor", "#7a1f1f", true);
		PortalProfileChanged sameVersion = profile(workspace, 5, "Same Version", "#225522", true);
		publish(current);
		publish(older);
		publish(sameVersion);
		awaitProcessed(current);
		awaitProcessed(older);
		awaitProcessed(sameVersion);

		assertThat(jdbc.queryForObject("select version from workspace_branding where workspace_id = ?", Long.class,
				workspace)).isEqualTo(5);
		SendEmail command = Commands.sendEmail(workspace);
		commands.send(command);

		Mailbox.Email email = awaitEmail(command);
		assertThat(email.html()).contains("alt=\"Harbor Builders\"")
			.contains("border-bottom:3px solid #0b5cad;")
			.doesNotContain("Old Harbor")
			.doesNotContain("#7a1f1f")
			.doesNotContain("Same Version");

		PortalProfileChanged newer = profile(workspace, 6, "Harbor Builders Inc", "#225522", false);
		publish(newer);
		awaitProcessed(newer);
		assertThat(brandings.of(workspace).displayName()).isEqualTo("Harbor Builders Inc");
		assertThat(brandings.of(workspace).accentColour()).isEqualTo("#225522");
	}

	@Test
	void anotherWorkspaceKeepsTheNeutralLayout() {
		UUID branded = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		PortalProfileChanged profile = profile(branded, 1, "Harbor Builders", "#0b5cad", true);
		publish(profile);
		awaitProcessed(profile);

		SendEmail command = Commands.sendEmail(other);
		commands.send(command);

		Mailbox.Email email = awaitEmail(command);
		assertThat(email.html()).contains("border-bottom:3px solid #0e7490;")
			.contains("Sent with Coastline")
			.doesNotContain("Harbor")
			.doesNotContain("<img")
			.doesNotContain("mailto:")
			.doesNotContain("#0b5cad");
		assertThat(email.text()).isEqualTo(command.text());
		assertThat(brandings.of(other)).isEqualTo(EmailBranding.COASTLINE);
	}

	@Test
	void poisonPortalEventsGoToTheDeadLetterTopicAndLaterEventsStillArrive() {
		UUID workspace = UUID.randomUUID();
		String unreadable = UUID.randomUUID().toString();
		PortalProfileChanged noWorkspace = profile(null, 1, "Nobody", "#0b5cad", true);
		PortalProfileChanged valid = profile(workspace, 1, "Harbor Builders", "#0b5cad", true);

		publish(workspace.toString(), unreadable, "{this is not json");
		publish(UUID.randomUUID().toString(), noWorkspace.eventId().toString(), json.writeValueAsString(noWorkspace));
		publish(valid);

		awaitProcessed(valid);
		assertThat(brandings.of(workspace).displayName()).isEqualTo("Harbor Builders");
		for (String poison : List.of(unreadable, noWorkspace.eventId().toString())) {
			ConsumerRecord<String, String> dead = topics.await(DEAD_LETTERS, r -> poison.equals(header(r, "ce_id")));
			assertThat(header(dead, "ce_type")).isEqualTo(PortalTopics.PORTAL_PROFILE_CHANGED);
			assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(PortalTopics.EVENTS);
		}
		assertThat(jdbc.queryForObject("select count(*) from workspace_branding where display_name = 'Nobody'",
				Integer.class)).isZero();
	}

	@Test
	void theOtherPortalEventsAreIgnored() {
		UUID workspace = UUID.randomUUID();
		String activated = UUID.randomUUID().toString();
		topics.send(PortalTopics.EVENTS, workspace.toString(),
				"{\"eventId\":\"" + activated + "\",\"workspaceId\":\"" + workspace + "\"}",
				headers(activated, PortalTopics.PORTAL_ACTIVATED));
		PortalProfileChanged profile = profile(workspace, 1, "Harbor Builders", "#0b5cad", true);
		publish(profile);

		awaitProcessed(profile);
		assertThat(processed(activated)).isFalse();
		assertThat(brandings.of(workspace).displayName()).isEqualTo("Harbor Builders");
	}

	/** A profile as portal-service publishes it, valid against its JSON Schema (unless the workspace is null). */
	private static PortalProfileChanged profile(UUID workspace, long version, String displayName, String accent,
			boolean active) {
		return new PortalProfileChanged(UUID.randomUUID(), workspace, "harbor-builders", displayName, accent,
				"+1 303 555 0100", "office@harbor.example", "1 Dock St, Boulder CO", LOGO, active, version,
				Instant.now());
	}

	private void publish(PortalProfileChanged event) {
		String payload = json.writeValueAsString(event);
		WireContracts.assertValid(payload, PortalTopics.PORTAL_PROFILE_CHANGED);
		publish(event.workspaceId().toString(), event.eventId().toString(), payload);
	}

	/** Sends as portal-service's outbox does: keyed by workspace, CloudEvents headers, JSON payload. */
	private void publish(String key, String eventId, String payload) {
		topics.send(PortalTopics.EVENTS, key, payload, headers(eventId, PortalTopics.PORTAL_PROFILE_CHANGED));
	}

	private static Map<String, String> headers(String eventId, String type) {
		return Map.of("ce_id", eventId, "ce_type", type, "ce_source", "/portal-service", "ce_specversion", "1.0",
				"ce_time", Instant.now().toString(), "content-type", "application/json");
	}

	private void awaitProcessed(PortalProfileChanged event) {
		await().atMost(EVENTUALLY).until(() -> processed(event.eventId().toString()));
	}

	private boolean processed(String eventId) {
		return jdbc.queryForObject("select count(*) from processed_message where consumer_group = ? and message_id = ?",
				Integer.class, "notification-service", eventId) == 1;
	}

	private Mailbox.Email awaitEmail(SendEmail command) {
		topics.await(NotificationTopics.EVENTS,
				r -> command.idempotencyKey().equals(r.key()) && NotificationTopics.EMAIL_SENT.equals(header(r, "ce_type")));
		List<Mailbox.Email> received = mailbox.to(command.recipient().email());
		assertThat(received).hasSize(1);
		return received.get(0);
	}
}
