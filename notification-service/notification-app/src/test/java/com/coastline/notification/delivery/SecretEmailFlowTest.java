package com.coastline.notification.delivery;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.persistence.EntityManager;

import com.coastline.notification.api.EmailFailed;
import com.coastline.notification.api.NotificationTopics;
import com.coastline.notification.api.SecretSealer;
import com.coastline.notification.api.SendEmail;
import com.coastline.notification.config.SealingProperties;
import com.coastline.notification.support.Commands;
import com.coastline.notification.support.Mailbox;
import com.coastline.notification.support.NotificationServiceTest;
import com.coastline.notification.support.StoredText;
import com.coastline.platform.test.infra.SharedInfrastructure;
import com.coastline.platform.test.kafka.TopicRecords;
import com.coastline.platform.test.security.TestTokens;
import com.coastline.platform.web.tenant.TenantScope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static com.coastline.platform.test.kafka.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Emails with secrets (SECURITY.md, "Secrets in messages"), sealed the way identity-service seals a
 * sign-in code: the recipient gets the code; the database, the read API and the dead letters never hold
 * it in clear, and the stored ciphertext is gone once the email is out.
 */
@NotificationServiceTest
class SecretEmailFlowTest {

	private static final String DEAD_LETTERS = "error.notification.commands.notification-service";

	private final UUID workspace = UUID.randomUUID();

	private final Mailbox mailbox = new Mailbox(SharedInfrastructure.smtp());

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EmailRequests requests;

	@Autowired
	EntityManager entities;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SealingProperties sealing;

	SecretSealer identity;

	TopicRecords topics;

	Commands commands;

	@BeforeEach
	void setUp() {
		topics = new TopicRecords(bootstrapServers);
		commands = new Commands(topics);
		// What identity-service holds: the same configured keys, sealing with the current one.
		identity = SecretSealer.of(sealing.currentKeyId(), sealing.keys());
	}

	@Test
	void signInCodeArrivesInSubjectAndBodyAndIsNeverStoredInClear() {
		String code = codeNotYetInTheDatabase();
		SendEmail command = Commands.signInCode(workspace, identity, code);
		String ciphertext = command.secrets().get(0).ciphertext();

		commands.send(command);

		awaitEmailSent(command);
		List<Mailbox.Email> received = mailbox.to(command.recipient().email());
		assertThat(received).hasSize(1);
		Mailbox.Email email = received.get(0);
		assertThat(email.subject()).isEqualTo(code + " is your sign-in code for Summit Roofing");
		assertThat(email.text()).isEqualTo("Your sign-in code is " + code + ". It is valid for 10 minutes.");
		assertThat(email.html()).contains("<p>Your sign-in code is <b>" + code + "</b>. It is valid for 10 minutes.</p>")
			.contains("<title>" + code + " is your sign-in code for Summit Roofing</title>")
			.doesNotContain("{{");
		assertThat(jdbc.queryForObject("select subject from email_delivery where idempotency_key = ?", String.class,
				command.idempotencyKey())).isEqualTo("{{secret:code}} is your sign-in code for Summit Roofing");
		assertThat(secretsStoredFor(command)).isZero();
		assertThat(StoredText.columnsContaining(jdbc, code)).isEmpty();
		assertThat(StoredText.columnsContaining(jdbc, ciphertext)).isEmpty();
	}

	@Test
	void pendingDeliveryHoldsTheSecretEncryptedAndTheReadApiShowsNeitherTheCodeNorItsCiphertext() throws Exception {
		String code = codeNotYetInTheDatabase();
		SendEmail command = Commands.signInCode(workspace, identity, code);
		SendEmail.EncryptedSecret sealed = command.secrets().get(0);

		// Looked at inside the recording transaction, before any sender can see (and send) the delivery.
		TenantScope.runAs(workspace, () -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
			requests.request(command);
			entities.flush();
			assertThat(jdbc.queryForList("""
					select s.name || ' ' || s.key_id || ' ' || s.ciphertext
					  from email_delivery_secret s join email_delivery d on d.id = s.delivery_id
					 where d.idempotency_key = ?
					""", String.class, command.idempotencyKey()))
				.containsExactly(sealed.name() + " " + sealed.keyId() + " " + sealed.ciphertext());
			assertThat(StoredText.columnsContaining(jdbc, code)).isEmpty();
		}));
		MvcTestResult result = mvc.get()
			.uri("/api/deliveries?idempotencyKey=" + command.idempotencyKey())
			.header(HttpHeaders.AUTHORIZATION, TestTokens.staff(workspace).bearer())
			.exchange();

		assertThat(result).hasStatusOk();
		String body = result.getResponse().getContentAsString();
		assertThat(body).contains(command.idempotencyKey()).contains("SIGN_IN_CODE")
			.doesNotContain(code, sealed.ciphertext(), "{{secret");
		awaitEmailSent(command);
		assertThat(mailbox.to(command.recipient().email())).singleElement()
			.satisfies(email -> assertThat(email.subject()).startsWith(code + " "));
		assertThat(secretsStoredFor(command)).isZero();
	}

	@Test
	void secretsThatDoNotOpenHereAreDeadLetteredInTheirEncryptedFormAndSendNothing() {
		String code = codeNotYetInTheDatabase();
		SecretSealer unknownKey = SecretSealer.of("retired-0", Map.of("retired-0", SecretSealer.generateKey()));
		SendEmail sealedWithUnknownKey = Commands.signInCode(workspace, unknownKey, code);
		SendEmail genuine = Commands.signInCode(workspace, identity, code);
		SendEmail.EncryptedSecret sealed = genuine.secrets().get(0);
		SendEmail tampered = Commands.withSecrets(Commands.signInCode(workspace, identity, code),
				List.of(new SendEmail.EncryptedSecret("code", sealed.keyId(), Commands.tampered(sealed.ciphertext()))));
		SendEmail fromAnotherCommand = Commands.withSecrets(Commands.signInCode(workspace, identity, code), List.of(sealed));
		SendEmail referenceWithoutSecret = Commands.withSecrets(Commands.signInCode(workspace, identity, code), List.of());
		List<SendEmail> poison = List.of(sealedWithUnknownKey, tampered, fromAnotherCommand, referenceWithoutSecret);
		SendEmail valid = Commands.signInCode(workspace, identity, code);

		poison.forEach(commands::send);
		commands.send(valid);

		awaitEmailSent(valid);
		for (SendEmail command : poison) {
			ConsumerRecord<String, String> dead = topics.await(DEAD_LETTERS,
					r -> command.commandId().toString().equals(header(r, "ce_id")));
			assertThat(dead.value()).doesNotContain(code);
			command.secrets().forEach(secret -> assertThat(dead.value()).contains(secret.ciphertext()));
			assertThat(mailbox.to(command.recipient().email())).isEmpty();
			assertThat(jdbc.queryForObject("select count(*) from email_delivery where idempotency_key = ?", Integer.class,
					command.idempotencyKey())).isZero();
		}
		assertThat(mailbox.to(valid.recipient().email())).singleElement()
			.satisfies(email -> assertThat(email.text()).contains(code));
		assertThat(StoredText.columnsContaining(jdbc, code)).isEmpty();
	}

	@Test
	void secretWhoseKeyWasRemovedBeforeSendingFailsTheDeliveryWithoutAnEmail() {
		String code = codeNotYetInTheDatabase();
		SendEmail command = Commands.signInCode(workspace, identity, code);

		// As if the key had been removed from the configuration after the command was accepted.
		TenantScope.runAs(workspace, () -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
			requests.request(command);
			entities.flush();
			jdbc.update("""
					update email_delivery_secret set key_id = 'removed-1'
					 where delivery_id = (select id from email_delivery where idempotency_key = ?)
					""", command.idempotencyKey());
		}));

		ConsumerRecord<String, String> record = topics.await(NotificationTopics.EVENTS,
				r -> command.idempotencyKey().equals(r.key()) && NotificationTopics.EMAIL_FAILED.equals(header(r, "ce_type")));
		EmailFailed failed = JsonMapper.builder().build().readValue(record.value(), EmailFailed.class);
		assertThat(failed.attempts()).isEqualTo(1);
		assertThat(failed.reason()).contains("Secret 'code'").contains("removed-1").doesNotContain(code);
		assertThat(jdbc.queryForObject("select status from email_delivery where idempotency_key = ?", String.class,
				command.idempotencyKey())).isEqualTo("FAILED");
		assertThat(secretsStoredFor(command)).isZero();
		assertThat(mailbox.to(command.recipient().email())).isEmpty();
	}

	private void awaitEmailSent(SendEmail command) {
		topics.await(NotificationTopics.EVENTS,
				r -> command.idempotencyKey().equals(r.key()) && NotificationTopics.EMAIL_SENT.equals(header(r, "ce_type")));
	}

	private int secretsStoredFor(SendEmail command) {
		return jdbc.queryForObject("""
				select count(*) from email_delivery_secret s join email_delivery d on d.id = s.delivery_id
				 where d.idempotency_key = ?
				""", Integer.class, command.idempotencyKey());
	}

	/** A 6-digit code that appears nowhere in the database yet, so that finding it later means it was stored. */
	private String codeNotYetInTheDatabase() {
		while (true) {
			String code = "%06d".formatted(ThreadLocalRandom.current().nextInt(1_000_000));
			if (StoredText.columnsContaining(jdbc, code).isEmpty()) {
				return code;
			}
		}
	}
}
