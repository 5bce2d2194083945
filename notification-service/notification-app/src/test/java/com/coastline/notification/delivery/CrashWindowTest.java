package com.coastline.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.coastline.notification.api.NotificationTopics;
import com.coastline.notification.api.SecretSealer;
import com.coastline.notification.api.SendEmail;
import com.coastline.notification.config.NotificationProperties;
import com.coastline.notification.support.Commands;
import com.coastline.notification.support.Mailbox;
import com.coastline.platform.test.TestInfrastructure;
import com.coastline.platform.test.infra.SharedInfrastructure;
import com.coastline.platform.test.kafka.TopicRecords;
import com.coastline.platform.web.tenant.TenantScope;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static com.coastline.platform.test.kafka.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The one window of exactly-once, measured: a sender killed after the SMTP server accepted an email and
 * before the outcome was recorded. Each test kills senders at exactly that point (an {@link Error} thrown
 * right after the server's acceptance, which nothing in the sender catches, so nothing more of its batch
 * is sent or recorded), lets their leases run out, and has a healthy sender take over. The bound: each
 * crash costs at most one duplicate, a second copy of the email in flight with the same
 * {@code Message-ID}; the rest of the dead sender's batch goes out once, and every delivery publishes
 * exactly one {@code EmailSent}.
 * <p>
 * A context of its own (own database, so that only this class's deliveries are due; short leases; the
 * scheduled sender effectively off, so that the test decides which sender runs), run after
 * {@code SmtpFaultsTest} and closed afterwards, because its consumer shares the service's group.
 */
@Order(2)
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.application.name=notification-service-crash-window",
				"coastline.notification.send-interval=1h", "coastline.notification.senders=0", "coastline.notification.lease=3s",
				"coastline.notification.batch-size=5" })
@Import(TestInfrastructure.class)
class CrashWindowTest {

	private static final Duration EVENTUALLY = Duration.ofSeconds(30);

	private final UUID workspace = UUID.randomUUID();

	private final Mailbox mailbox = new Mailbox(SharedInfrastructure.smtp());

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	EmailRequests requests;

	@Autowired
	EmailSender sender;

	@Autowired
	DeliveryClaims claims;

	@Autowired
	EmailDeliveries deliveries;

	@Autowired
	EmailLayout layout;

	@Autowired
	WorkspaceBrandings brandings;

	@Autowired
	UndeliverableAddresses undeliverable;

	@Autowired
	SecretSealer sealer;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Clock clock;

	@Autowired
	NotificationProperties properties;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JavaMailSender mailSender;

	@Autowired
	CircuitBreakerRegistry circuits;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void senderKilledAfterTheServerAcceptedSendsThatEmailOnceMoreWithTheSameMessageIdAndNothingElseTwice() throws Exception {
		List<SendEmail> batch = request(5);

		// Sends one email and records it, sends the second and dies before recording it; three left unsent.
		assertThatThrownBy(() -> dyingSender(2).sendDue()).isInstanceOf(Killed.class);

		assertThat(copies(batch).values()).containsExactlyInAnyOrder(1L, 1L, 0L, 0L, 0L);
		assertThat(statuses()).containsEntry("SENT", 1L).containsEntry("SENDING", 4L);
		// The restarted service does not touch the dead sender's deliveries while their lease runs.
		assertThat(sender.sendDue()).isEmpty();

		awaitLeasesExpired();
		assertThat(sender.sendDue()).hasSize(4);

		assertThat(statuses()).containsOnly(Map.entry("SENT", 5L));
		assertThat(copies(batch).values()).containsExactlyInAnyOrder(2L, 1L, 1L, 1L, 1L);
		assertSameMessageIdPerDelivery(batch);
		assertOneEmailSentEach(batch);
	}

	@Test
	void everyCrashCostsAtMostOneDuplicate() throws Exception {
		List<SendEmail> batch = request(5);
		int crashes = 3;

		for (int crash = 0; crash < crashes; crash++) {
			awaitLeasesExpired();
			assertThatThrownBy(() -> dyingSender(1).sendDue()).isInstanceOf(Killed.class);
		}
		awaitLeasesExpired();
		while (!sender.sendDue().isEmpty()) {
			// Until nothing is due.
		}

		assertThat(statuses()).containsOnly(Map.entry("SENT", 5L));
		Map<String, Long> copies = copies(batch);
		assertThat(copies.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(batch.size() + crashes);
		assertThat(copies.values()).allSatisfy(n -> assertThat(n).isBetween(1L, 1L + crashes));
		assertSameMessageIdPerDelivery(batch);
		assertOneEmailSentEach(batch);
	}

	/** Records {@code count} deliveries in one transaction, so that all are due together. */
	private List<SendEmail> request(int count) {
		List<SendEmail> batch = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			batch.add(Commands.sendEmail(workspace));
		}
		TenantScope.runAs(workspace,
				() -> new TransactionTemplate(transactions).executeWithoutResult(status -> batch.forEach(requests::request)));
		return batch;
	}

	/** A sender like the service's, whose process dies right after the server accepted its n-th email. */
	private EmailSender dyingSender(int diesAfterAccepted) {
		AtomicInteger accepted = new AtomicInteger();
		SmtpGateway dying = new SmtpGateway(mailSender, circuits, properties) {

			@Override
			public SmtpOutcome send(OutgoingEmail email) {
				SmtpOutcome outcome = super.send(email);
				if (outcome instanceof SmtpOutcome.Accepted && accepted.incrementAndGet() == diesAfterAccepted) {
					throw new Killed();
				}
				return outcome;
			}
		};
		return new EmailSender(claims, deliveries, dying, layout, brandings, undeliverable, sealer, events, transactions,
				clock, properties, meters);
	}

	private void awaitLeasesExpired() {
		await().atMost(EVENTUALLY)
			.until(() -> jdbc.queryForObject("select count(*) from email_delivery where status = 'SENDING' and lease_until > ?",
					Integer.class, java.sql.Timestamp.from(clock.instant())) == 0);
	}

	private Map<String, Long> statuses() {
		return jdbc.queryForList("select status from email_delivery where workspace_id = ?", String.class, workspace)
			.stream()
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	/** Copies received per recipient. */
	private Map<String, Long> copies(List<SendEmail> batch) {
		return batch.stream()
			.collect(Collectors.toMap(command -> command.recipient().email(),
					command -> (long) mailbox.to(command.recipient().email()).size()));
	}

	private void assertSameMessageIdPerDelivery(List<SendEmail> batch) throws MessagingException {
		for (SendEmail command : batch) {
			UUID deliveryId = jdbc.queryForObject("select id from email_delivery where idempotency_key = ?", UUID.class,
					command.idempotencyKey());
			List<String> ids = new ArrayList<>();
			for (MimeMessage message : mailbox.messagesTo(command.recipient().email())) {
				ids.add(message.getMessageID());
			}
			assertThat(ids).isNotEmpty().containsOnly("<" + deliveryId + "@coastline.localhost>");
		}
	}

	private void assertOneEmailSentEach(List<SendEmail> batch) {
		TopicRecords topics = new TopicRecords(bootstrapServers);
		Map<String, Long> sent = await().atMost(EVENTUALLY)
			.until(() -> topics.readAll(NotificationTopics.EVENTS)
				.stream()
				.filter(r -> NotificationTopics.EMAIL_SENT.equals(header(r, "ce_type")))
				.map(ConsumerRecord::key)
				.filter(key -> batch.stream().anyMatch(c -> c.idempotencyKey().equals(key)))
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting())), events -> events.size() == batch.size());
		assertThat(sent.values()).containsOnly(1L);
	}

	/** The sender's process dying: nothing in the sender catches it. */
	static final class Killed extends Error {

		Killed() {
			super("Killed after the SMTP server accepted the email, before recording it");
		}
	}
}
