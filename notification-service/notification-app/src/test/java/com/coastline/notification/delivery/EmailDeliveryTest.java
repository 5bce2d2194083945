package com.coastline.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

import com.coastline.notification.api.EmailFailed;
import com.coastline.notification.api.EmailSent;
import com.coastline.notification.api.SecretSealer;
import com.coastline.notification.api.SendEmail;
import com.coastline.notification.support.Commands;
import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

class EmailDeliveryTest {

	private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

	private static final RetryPolicy THREE_ATTEMPTS = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofMinutes(5), 0);

	private static final RandomGenerator RANDOM = RandomGenerator.of("L64X128MixRandom");

	private static final SecretSealer SEALER = SecretSealer.of("k1", Map.of("k1", SecretSealer.generateKey()));

	private final UUID lease = UUID.randomUUID();

	@Test
	void requestedDeliveryIsPendingAndDueAtOnce() {
		EmailDelivery delivery = EmailDelivery.requested(Commands.sendEmail(UUID.randomUUID()), NOW);

		assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(delivery.attempts()).isZero();
		assertThat(delivery.nextAttemptAt()).isEqualTo(NOW);
	}

	@Test
	void acceptedEmailIsSentOnceAndCountsItsAttempt() {
		EmailDelivery delivery = claimed(EmailDelivery.requested(Commands.sendEmail(UUID.randomUUID()), NOW));

		Optional<EmailSent> sent = delivery.sent(NOW);
		Optional<EmailSent> sentAgain = delivery.sent(NOW.plusSeconds(1));

		assertThat(sent).get().satisfies(event -> {
			assertThat(event.deliveryId()).isEqualTo(delivery.id());
			assertThat(event.attempts()).isEqualTo(1);
			assertThat(event.sentAt()).isEqualTo(NOW);
		});
		assertThat(sentAgain).isEmpty();
		assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
		assertThat(delivery.leaseUntil()).isNull();
	}

	@Test
	void failedAttemptIsRetriedAfterTheBackoffUntilTheLastOneFails() {
		EmailDelivery delivery = EmailDelivery.requested(Commands.sendEmail(UUID.randomUUID()), NOW);

		assertThat(claimed(delivery).attemptFailed(lease, "421 busy", THREE_ATTEMPTS, RANDOM, NOW)).isEmpty();
		assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(delivery.nextAttemptAt()).isEqualTo(NOW.plusSeconds(1));
		assertThat(claimed(delivery).attemptFailed(lease, "421 busy", THREE_ATTEMPTS, RANDOM, NOW)).isEmpty();
		assertThat(delivery.nextAttemptAt()).isEqualTo(NOW.plusSeconds(2));
		Optional<EmailFailed> failed = claimed(delivery).attemptFailed(lease, "421 busy", THREE_ATTEMPTS, RANDOM, NOW);

		assertThat(failed).get().satisfies(event -> {
			assertThat(event.attempts()).isEqualTo(3);
			assertThat(event.reason()).isEqualTo("421 busy");
		});
		assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(delivery.nextAttemptAt()).isNull();
	}

	@Test
	void rejectedRecipientFailsAtOnce() {
		EmailDelivery delivery = claimed(EmailDelivery.requested(Commands.sendEmail(UUID.randomUUID()), NOW));

		Optional<EmailFailed> failed = delivery.rejected(lease, "550 no such user", NOW);

		assertThat(failed).get().extracting(EmailFailed::attempts).isEqualTo(1);
		assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
	}

	@Test
	void releasedDeliveryIsPendingAgainWithoutCountingAnAttempt() {
		EmailDelivery delivery = claimed(EmailDelivery.requested(Commands.sendEmail(UUID.randomUUID()), NOW));

		delivery.released(lease);

		assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(delivery.attempts()).isZero();
		assertThat(delivery.nextAttemptAt()).isEqualTo(NOW);
	}

	@Test
	void senderThatLostItsLeaseChangesNothing() {
		EmailDelivery delivery = claimed(EmailDelivery.requested(Commands.sendEmail(UUID.randomUUID()), NOW));
		UUID lostLease = UUID.randomUUID();

		assertThat(delivery.attemptFailed(lostLease, "timeout", THREE_ATTEMPTS, RANDOM, NOW)).isEmpty();
		assertThat(delivery.rejected(lostLease, "550", NOW)).isEmpty();
		delivery.released(lostLease);

		assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENDING);
		assertThat(delivery.attempts()).isZero();
	}

	@Test
	void requestedDeliveryKeepsTheReferencesAndTheSecretsEncrypted() {
		SendEmail command = Commands.signInCode(UUID.randomUUID(), SEALER, "482913");

		EmailDelivery delivery = EmailDelivery.requested(command, NOW);

		assertThat(delivery.subject()).isEqualTo("{{secret:code}} is your sign-in code for Summit Roofing");
		assertThat(delivery.text()).contains("{{secret:code}}").doesNotContain("482913");
		assertThat(delivery.html()).contains("{{ secret:code }}").doesNotContain("482913");
		assertThat(delivery.secrets()).containsExactlyElementsOf(command.secrets());
		assertThat(delivery.commandId()).isEqualTo(command.commandId());
	}

	@Test
	void secretsAreWipedOnceTheEmailIsSent() {
		EmailDelivery delivery = claimed(EmailDelivery.requested(Commands.signInCode(UUID.randomUUID(), SEALER, "482913"), NOW));

		delivery.sent(NOW);

		assertThat(delivery.secrets()).isEmpty();
	}

	@Test
	void secretsAreKeptForTheNextAttemptAndWipedWhenTheDeliveryFails() {
		EmailDelivery retried = claimed(EmailDelivery.requested(Commands.signInCode(UUID.randomUUID(), SEALER, "482913"), NOW));
		EmailDelivery rejected = claimed(EmailDelivery.requested(Commands.signInCode(UUID.randomUUID(), SEALER, "482913"), NOW));

		retried.attemptFailed(lease, "421 busy", THREE_ATTEMPTS, RANDOM, NOW);
		assertThat(retried.secrets()).hasSize(1);
		claimed(retried).attemptFailed(lease, "421 busy", THREE_ATTEMPTS, RANDOM, NOW);
		claimed(retried).attemptFailed(lease, "421 busy", THREE_ATTEMPTS, RANDOM, NOW);
		rejected.rejected(lease, "550 no such user", NOW);

		assertThat(retried.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(retried.secrets()).isEmpty();
		assertThat(rejected.secrets()).isEmpty();
	}

	/** The delivery as {@link DeliveryClaims} leaves it (the claim is one SQL statement, not entity code). */
	private EmailDelivery claimed(EmailDelivery delivery) {
		ReflectionTestUtils.setField(delivery, "status", DeliveryStatus.SENDING);
		ReflectionTestUtils.setField(delivery, "leaseToken", lease);
		ReflectionTestUtils.setField(delivery, "leaseUntil", NOW.plusSeconds(300));
		return delivery;
	}
}
