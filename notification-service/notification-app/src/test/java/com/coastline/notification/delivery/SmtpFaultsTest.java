package com.coastline.notification.delivery;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import com.coastline.notification.api.EmailFailed;
import com.coastline.notification.api.EmailSent;
import com.coastline.notification.api.NotificationTopics;
import com.coastline.notification.api.SecretSealer;
import com.coastline.notification.api.SendEmail;
import com.coastline.notification.config.SealingProperties;
import com.coastline.notification.support.Commands;
import com.coastline.notification.support.Mailbox;
import com.coastline.notification.support.RecipientCheckingGreenMail;
import com.coastline.notification.support.StoredText;
import com.coastline.notification.support.WireContracts;
import com.coastline.platform.test.TestInfrastructure;
import com.coastline.platform.test.kafka.TopicRecords;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistrar;

import static com.coastline.platform.test.kafka.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SMTP faults against a server of this class's own, on a fixed port so that it can be stopped and started
 * again: an outage, a recipient rejected for good, a recipient refused until the attempts run out. A
 * context of its own (own database, quick retries, a circuit that opens on the first server failure),
 * run first and closed afterwards, because its consumer shares the service's group on the JVM's broker.
 * A recipient rejected for good also makes its address undeliverable in its workspace.
 */
@Order(1)
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.application.name=notification-service-smtp-faults",
				"coastline.notification.send-interval=100ms", "coastline.notification.max-attempts=4",
				"coastline.notification.initial-backoff=200ms", "coastline.notification.max-backoff=400ms",
				"resilience4j.circuitbreaker.instances.smtp.sliding-window-size=2",
				"resilience4j.circuitbreaker.instances.smtp.minimum-number-of-calls=1",
				"resilience4j.circuitbreaker.instances.smtp.wait-duration-in-open-state=2s" })
@Import({ TestInfrastructure.class, SmtpFaultsTest.OwnSmtpServer.class })
class SmtpFaultsTest {

	private static final Duration EVENTUALLY = Duration.ofSeconds(30);

	private static final int PORT = RecipientCheckingGreenMail.freePort();

	private static final RecipientCheckingGreenMail smtp = new RecipientCheckingGreenMail(PORT);

	private final UUID workspace = UUID.randomUUID();

	private final JsonMapper json = JsonMapper.builder().build();

	private final Mailbox mailbox = new Mailbox(smtp);

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JavaMailSender mailSender;

	@Autowired
	CircuitBreakerRegistry circuits;

	@Autowired
	SealingProperties sealing;

	@Autowired
	MeterRegistry meters;

	TopicRecords topics;

	Commands commands;

	@BeforeAll
	static void startSmtpServer() {
		smtp.start();
	}

	@AfterAll
	static void stopSmtpServer() {
		smtp.stop();
	}

	@BeforeEach
	void setUp() {
		assertThat(((JavaMailSenderImpl) mailSender).getPort()).as("SMTP port of this context").isEqualTo(PORT);
		topics = new TopicRecords(bootstrapServers);
		commands = new Commands(topics);
	}

	@Test
	void emailIsRetriedWhileTheSmtpServerIsDownAndArrivesExactlyOnceWhenItIsBack() {
		// A sign-in code: its secret must outlive the failed attempts and still open when the server is back.
		SendEmail command = Commands.signInCode(workspace, sealer(), "731904");
		smtp.stop();
		try {
			commands.send(command);

			await().atMost(EVENTUALLY).until(() -> attempts(command) >= 1);
			// The first server failure opened the circuit: the sender claims nothing until it half-opens.
			assertThat(circuits.circuitBreaker("smtp").getState()).isIn(CircuitBreaker.State.OPEN,
					CircuitBreaker.State.HALF_OPEN);
			assertThat(status(command)).isIn("PENDING", "SENDING");
			assertThat(secretsStored(command)).isEqualTo(1);
		}
		finally {
			smtp.start();
		}

		EmailSent sent = json.readValue(awaitEvent(command, NotificationTopics.EMAIL_SENT).value(), EmailSent.class);
		assertThat(mailbox.to(command.recipient().email())).singleElement().satisfies(email -> {
			assertThat(email.subject()).isEqualTo("731904 is your sign-in code for Summit Roofing");
			assertThat(email.text()).contains("Your sign-in code is 731904.");
		});
		// Without the circuit, four attempts 200–400 ms apart would have failed before the server came back.
		assertThat(sent.attempts()).isBetween(2, 3);
		assertThat(status(command)).isEqualTo("SENT");
		assertThat(secretsStored(command)).isZero();
	}

	@Test
	void recipientRejectedPermanentlyFailsAtOnceAndSendsNoEmail() {
		SendEmail command = Commands.to(Commands.sendEmail(workspace),
				RecipientCheckingGreenMail.UNKNOWN + "-" + UUID.randomUUID() + "@example.com");

		commands.send(command);

		ConsumerRecord<String, String> record = awaitEvent(command, NotificationTopics.EMAIL_FAILED);
		WireContracts.assertValid(record.value(), NotificationTopics.EMAIL_FAILED);
		EmailFailed failed = json.readValue(record.value(), EmailFailed.class);
		assertThat(failed.attempts()).isEqualTo(1);
		assertThat(failed.reason()).contains("550").contains("u***@example.com").doesNotContain(command.recipient().email());
		assertThat(failed.correlation()).isEqualTo(command.correlation());
		assertThat(header(record, "ce_id")).isEqualTo(failed.eventId().toString());
		assertThat(status(command)).isEqualTo("FAILED");
		assertThat(mailbox.to(command.recipient().email())).isEmpty();
		assertThat(events(command, NotificationTopics.EMAIL_SENT)).isZero();
	}

	@Test
	void recipientRejectedForGoodIsUndeliverableInItsWorkspaceExceptForSignInCodes() {
		String address = RecipientCheckingGreenMail.UNKNOWN + "-" + UUID.randomUUID() + "@example.com";
		SendEmail rejected = Commands.to(Commands.sendEmail(workspace), address);
		double suppressedBefore = undeliverableCount("suppressed");

		commands.send(rejected);

		assertThat(reason(awaitEvent(rejected, NotificationTopics.EMAIL_FAILED))).contains("550");
		assertThat(smtp.recipientCommands(address)).isEqualTo(1);
		assertThat(jdbc.queryForObject("""
				select count(*) from undeliverable_address
				 where workspace_id = ? and address_hash = ? and expires_at > now() + interval '6 days 23 hours'
				""", Integer.class, workspace, UndeliverableAddresses.hash(address))).isEqualTo(1);
		assertThat(StoredText.columnsContaining(jdbc, address)).noneMatch(column -> column.startsWith("undeliverable"));
		assertThat(StoredText.columnsContaining(jdbc, "u***@example.com")).contains("undeliverable_address.masked_address");

		// The same address, written differently: failed at once, without a word to the server.
		SendEmail suppressed = Commands.to(Commands.sendEmail(workspace), address.toUpperCase(Locale.ROOT));
		commands.send(suppressed);
		ConsumerRecord<String, String> record = awaitEvent(suppressed, NotificationTopics.EMAIL_FAILED);
		WireContracts.assertValid(record.value(), NotificationTopics.EMAIL_FAILED);
		EmailFailed failed = json.readValue(record.value(), EmailFailed.class);
		assertThat(failed.reason()).isEqualTo(UndeliverableAddresses.REASON);
		assertThat(failed.attempts()).isEqualTo(1);
		assertThat(smtp.recipientCommands(address)).isEqualTo(1);
		assertThat(undeliverableCount("suppressed")).isEqualTo(suppressedBefore + 1);
		assertThat(jdbc.queryForObject("select last_error from email_delivery where idempotency_key = ?", String.class,
				suppressed.idempotencyKey())).isEqualTo(UndeliverableAddresses.REASON);

		// A sign-in code is still tried, and another workspace's email is not affected.
		SendEmail code = Commands.to(Commands.signInCode(workspace, sealer(), "731904"), address);
		SendEmail otherWorkspace = Commands.to(Commands.sendEmail(UUID.randomUUID()), address);
		commands.send(code);
		commands.send(otherWorkspace);
		assertThat(reason(awaitEvent(code, NotificationTopics.EMAIL_FAILED))).contains("550");
		assertThat(reason(awaitEvent(otherWorkspace, NotificationTopics.EMAIL_FAILED))).contains("550");
		assertThat(smtp.recipientCommands(address)).isEqualTo(3);
		assertThat(mailbox.to(address)).isEmpty();
	}

	@Test
	void recipientRefusedUntilTheAttemptsRunOutFailsAndSendsNoEmail() {
		SendEmail command = Commands.to(Commands.signInCode(workspace, sealer(), "731904"),
				RecipientCheckingGreenMail.GREYLISTED + "-" + UUID.randomUUID() + "@example.com");

		commands.send(command);

		EmailFailed failed = json.readValue(awaitEvent(command, NotificationTopics.EMAIL_FAILED).value(), EmailFailed.class);
		assertThat(failed.attempts()).isEqualTo(4);
		assertThat(failed.reason()).contains("451");
		assertThat(status(command)).isEqualTo("FAILED");
		assertThat(secretsStored(command)).isZero();
		assertThat(mailbox.to(command.recipient().email())).isEmpty();
		assertThat(events(command, NotificationTopics.EMAIL_SENT)).isZero();
	}

	private ConsumerRecord<String, String> awaitEvent(SendEmail command, String type) {
		return topics.await(NotificationTopics.EVENTS,
				r -> command.idempotencyKey().equals(r.key()) && type.equals(header(r, "ce_type")));
	}

	private String reason(ConsumerRecord<String, String> record) {
		return json.readValue(record.value(), EmailFailed.class).reason();
	}

	private double undeliverableCount(String action) {
		var counter = meters.find(UndeliverableAddresses.METER).tag("action", action).counter();
		return counter == null ? 0 : counter.count();
	}

	private long events(SendEmail command, String type) {
		return topics.readAll(NotificationTopics.EVENTS)
			.stream()
			.filter(r -> command.idempotencyKey().equals(r.key()) && type.equals(header(r, "ce_type")))
			.count();
	}

	private int attempts(SendEmail command) {
		return jdbc.queryForList("select attempts from email_delivery where idempotency_key = ?", Integer.class,
				command.idempotencyKey()).stream().findFirst().orElse(0);
	}

	private int secretsStored(SendEmail command) {
		return jdbc.queryForObject("""
				select count(*) from email_delivery_secret s join email_delivery d on d.id = s.delivery_id
				 where d.idempotency_key = ?
				""", Integer.class, command.idempotencyKey());
	}

	/** Seals as identity-service does, with this service's configured keys. */
	private SecretSealer sealer() {
		return SecretSealer.of(sealing.currentKeyId(), sealing.keys());
	}

	private String status(SendEmail command) {
		return jdbc.queryForList("select status from email_delivery where idempotency_key = ?", String.class,
				command.idempotencyKey()).stream().findFirst().orElse(null);
	}

	/** Points {@code spring.mail.*} at this class's server (registered after, so it wins over, the JVM-wide one). */
	@TestConfiguration(proxyBeanMethods = false)
	static class OwnSmtpServer {

		@Bean
		DynamicPropertyRegistrar ownSmtpServer() {
			return registry -> {
				registry.add("spring.mail.host", () -> "127.0.0.1");
				registry.add("spring.mail.port", () -> PORT);
			};
		}
	}
}
