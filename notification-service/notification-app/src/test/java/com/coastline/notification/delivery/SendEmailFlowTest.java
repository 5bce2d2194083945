package com.coastline.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.coastline.notification.api.EmailSent;
import com.coastline.notification.api.NotificationTopics;
import com.coastline.notification.api.SendEmail;
import com.coastline.notification.support.Commands;
import com.coastline.notification.support.Mailbox;
import com.coastline.notification.support.NotificationServiceTest;
import com.coastline.notification.support.WireContracts;
import com.coastline.platform.test.infra.SharedInfrastructure;
import com.coastline.platform.test.kafka.TopicRecords;
import com.coastline.platform.web.tenant.TenantScope;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.jpa.repository.support.JpaEntityInformationSupport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static com.coastline.platform.test.kafka.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@NotificationServiceTest
class SendEmailFlowTest {

	private static final Duration EVENTUALLY = Duration.ofSeconds(30);

	private static final String DEAD_LETTERS = "error.notification.commands.notification-service";

	private final UUID workspace = UUID.randomUUID();

	private final JsonMapper json = JsonMapper.builder().build();

	private final Mailbox mailbox = new Mailbox(SharedInfrastructure.smtp());

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	EntityManager entityManager;

	@Autowired
	EmailRequests requests;

	@Autowired
	EmailSender sender;

	@Autowired
	PlatformTransactionManager transactions;

	TopicRecords topics;

	Commands commands;

	@BeforeEach
	void setUp() {
		topics = new TopicRecords(bootstrapServers);
		commands = new Commands(topics);
	}

	/**
	 * Spring Data persists a delivery it takes for new; one it takes for existing (its id is assigned) it merges,
	 * which selects the row and its secrets by the new id before the insert: a query per email for nothing.
	 */
	@Test
	void aRequestedDeliveryIsNewToSpringData() {
		var deliveries = JpaEntityInformationSupport.getEntityInformation(EmailDelivery.class, entityManager);

		assertThat(deliveries.isNew(EmailDelivery.requested(Commands.sendEmail(workspace), Instant.now()))).isTrue();
	}

	@Test
	void sendEmailDeliversExactlyOneBrandedEmailAndPublishesEmailSent() throws Exception {
		SendEmail command = Commands.sendEmail(workspace);

		commands.send(command);

		ConsumerRecord<String, String> record = topics.await(NotificationTopics.EVENTS,
				r -> command.idempotencyKey().equals(r.key()) && NotificationTopics.EMAIL_SENT.equals(header(r, "ce_type")));
		List<Mailbox.Email> received = mailbox.to(command.recipient().email());
		assertThat(received).hasSize(1);
		Mailbox.Email email = received.get(0);
		assertThat(email.to()).isEqualTo("Dana Reyes <" + command.recipient().email() + ">");
		assertThat(email.subject()).isEqualTo(command.subject());
		assertThat(email.text()).isEqualTo(command.text());
		assertThat(email.html()).contains(command.html()).contains("Coastline").startsWith("<!DOCTYPE html>");

		EmailSent sent = json.readValue(record.value(), EmailSent.class);
		WireContracts.assertValid(record.value(), NotificationTopics.EMAIL_SENT);
		assertThat(sent.idempotencyKey()).isEqualTo(command.idempotencyKey());
		assertThat(sent.workspaceId()).isEqualTo(workspace);
		assertThat(sent.correlation()).isEqualTo(command.correlation());
		assertThat(sent.attempts()).isEqualTo(1);
		assertThat(email.messageId()).isEqualTo("<" + sent.deliveryId() + "@coastline.localhost>");
		assertThat(header(record, "ce_id")).isEqualTo(sent.eventId().toString());
		assertThat(header(record, "ce_source")).isEqualTo("/notification-service");
		assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(Instant.parse(header(record, "ce_time"))).isEqualTo(sent.sentAt());
		assertThat(header(record, "content-type")).isEqualTo("application/json");
		assertThat(deliveryStatus(command)).isEqualTo("SENT");
	}

	@Test
	void redeliveredCommandAndNewCommandWithTheSameIdempotencyKeySendOneEmail() {
		SendEmail command = Commands.sendEmail(workspace);
		commands.send(command);
		ConsumerRecord<String, String> original = topics.await(NotificationTopics.COMMANDS,
				r -> command.commandId().toString().equals(header(r, "ce_id")));
		awaitEmailSent(command);
		double skippedBefore = skippedDuplicates();

		topics.resend(original);
		SendEmail retried = Commands.again(command);
		commands.send(retried);

		await().atMost(EVENTUALLY).until(() -> skippedDuplicates() >= skippedBefore + 1);
		await().atMost(EVENTUALLY).until(() -> processed(retried.commandId()));
		assertThat(jdbc.queryForObject("select count(*) from email_delivery where idempotency_key = ?", Integer.class,
				command.idempotencyKey())).isEqualTo(1);
		assertThat(mailbox.to(command.recipient().email())).hasSize(1);
		assertThat(eventsOf(command.idempotencyKey(), NotificationTopics.EMAIL_SENT)).hasSize(1);
	}

	@Test
	void poisonCommandsGoToTheDeadLetterTopicAndLaterCommandsAreStillDelivered() {
		String unreadable = UUID.randomUUID().toString();
		SendEmail badRecipient = Commands.to(Commands.sendEmail(workspace), "not-an-address");
		SendEmail injectedHeader = Commands.withSubject(Commands.sendEmail(workspace), "Hi\r\nBcc: eve@example.com");
		SendEmail valid = Commands.sendEmail(workspace);

		commands.send("automation-run:" + unreadable, unreadable, "{this is not json");
		commands.send(badRecipient);
		commands.send(injectedHeader);
		commands.send(valid);

		awaitEmailSent(valid);
		assertThat(mailbox.to(valid.recipient().email())).hasSize(1);
		for (String poison : List.of(unreadable, badRecipient.commandId().toString(), injectedHeader.commandId().toString())) {
			ConsumerRecord<String, String> dead = topics.await(DEAD_LETTERS, r -> poison.equals(header(r, "ce_id")));
			assertThat(header(dead, "ce_type")).isEqualTo(NotificationTopics.SEND_EMAIL);
			assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(NotificationTopics.COMMANDS);
		}
		assertThat(jdbc.queryForObject("select count(*) from email_delivery where idempotency_key in (?, ?)",
				Integer.class, badRecipient.idempotencyKey(), injectedHeader.idempotencyKey())).isZero();
		assertThat(mailbox.to("eve@example.com")).isEmpty();
	}

	@Test
	void twoSendersRacingOverTheSameDueDeliveriesSendEachEmailOnce() throws Exception {
		List<SendEmail> batch = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			batch.add(Commands.sendEmail(workspace));
		}
		// Recorded in one transaction, so that all are due at once when the senders start.
		TenantScope.runAs(workspace,
				() -> new TransactionTemplate(transactions).executeWithoutResult(status -> batch.forEach(requests::request)));

		List<UUID> claimed = Collections.synchronizedList(new ArrayList<>());
		CyclicBarrier start = new CyclicBarrier(2);
		try (ExecutorService senders = Executors.newFixedThreadPool(2)) {
			List<Future<?>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(senders.submit(() -> {
					start.await();
					List<UUID> ids;
					do {
						ids = sender.sendDue();
						claimed.addAll(ids);
					}
					while (!ids.isEmpty());
					return null;
				}));
			}
			for (Future<?> run : runs) {
				run.get();
			}
		}

		assertThat(claimed).doesNotHaveDuplicates();
		await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(batch)
			.allSatisfy(command -> assertThat(deliveryStatus(command)).isEqualTo("SENT")));
		assertThat(batch).allSatisfy(command -> assertThat(mailbox.to(command.recipient().email())).hasSize(1));
		Map<String, Long> sentEvents = await().atMost(EVENTUALLY)
			.until(() -> topics.readAll(NotificationTopics.EVENTS)
				.stream()
				.filter(r -> NotificationTopics.EMAIL_SENT.equals(header(r, "ce_type")))
				.map(ConsumerRecord::key)
				.filter(key -> batch.stream().anyMatch(c -> c.idempotencyKey().equals(key)))
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting())), events -> events.size() == 20);
		assertThat(sentEvents.values()).containsOnly(1L);
	}

	private void awaitEmailSent(SendEmail command) {
		topics.await(NotificationTopics.EVENTS,
				r -> command.idempotencyKey().equals(r.key()) && NotificationTopics.EMAIL_SENT.equals(header(r, "ce_type")));
	}

	private List<ConsumerRecord<String, String>> eventsOf(String key, String type) {
		return topics.readAll(NotificationTopics.EVENTS)
			.stream()
			.filter(r -> key.equals(r.key()) && type.equals(header(r, "ce_type")))
			.toList();
	}

	private String deliveryStatus(SendEmail command) {
		return jdbc.queryForList("select status from email_delivery where idempotency_key = ?", String.class,
				command.idempotencyKey()).stream().findFirst().orElse(null);
	}

	private boolean processed(UUID commandId) {
		return jdbc.queryForObject("select count(*) from processed_message where consumer_group = ? and message_id = ?",
				Integer.class, "notification-service", commandId.toString()) == 1;
	}

	private double skippedDuplicates() {
		var counter = meters.find("coastline.messaging.duplicates.skipped").tag("group", "notification-service").counter();
		return counter == null ? 0 : counter.count();
	}
}
