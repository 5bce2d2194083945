package com.coastline.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

import com.coastline.notification.api.EmailFailed;
import com.coastline.notification.api.SecretSealer;
import com.coastline.notification.api.SendEmail;
import com.coastline.notification.config.NotificationProperties;
import com.coastline.notification.delivery.DeliveryClaims.Claim;
import com.coastline.platform.web.tenant.TenantScope;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Sends due deliveries, outside any consumer transaction: claim a batch (short transaction, leased, safe
 * with several replicas), read each delivery, hand it to SMTP through the circuit breaker, then record
 * the outcome in a new transaction that publishes {@code EmailSent} or {@code EmailFailed} through the
 * outbox. Exactly one email per idempotency key, except when a sender dies between the SMTP server's
 * acceptance and that last transaction: the lease then runs out and the email goes again, with the same
 * {@code Message-ID}.
 */
@Component
public class EmailSender {

	private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

	private final DeliveryClaims claims;

	private final EmailDeliveries deliveries;

	private final SmtpGateway smtp;

	private final EmailLayout layout;

	private final SecretSealer sealer;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate reads;

	private final TransactionTemplate writes;

	private final Clock clock;

	private final NotificationProperties properties;

	private final RetryPolicy retryPolicy;

	private final MeterRegistry meters;

	EmailSender(DeliveryClaims claims, EmailDeliveries deliveries, SmtpGateway smtp, EmailLayout layout,
			SecretSealer sealer, ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock,
			NotificationProperties properties, MeterRegistry meters) {
		this.claims = claims;
		this.deliveries = deliveries;
		this.smtp = smtp;
		this.layout = layout;
		this.sealer = sealer;
		this.events = events;
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
		this.writes = new TransactionTemplate(transactions);
		this.clock = clock;
		this.properties = properties;
		this.retryPolicy = new RetryPolicy(properties.maxAttempts(), properties.initialBackoff(),
				properties.maxBackoff(), properties.jitter());
		this.meters = meters;
	}

	@Scheduled(fixedDelayString = "${coastline.notification.send-interval:500ms}")
	void sendDueDeliveries() {
		sendDue();
	}

	/**
	 * One run of the sender: claims the due deliveries (none while the circuit is open, so nothing is
	 * counted as an attempt) and sends them one by one.
	 * @return the ids of the deliveries this run claimed
	 */
	public List<UUID> sendDue() {
		if (smtp.isCircuitOpen()) {
			return List.of();
		}
		List<Claim> claimed = claims.claimDue(clock.instant(), properties.lease(), properties.batchSize());
		List<UUID> ids = new ArrayList<>(claimed.size());
		for (Claim claim : claimed) {
			ids.add(claim.deliveryId());
			try {
				// The scope comes first: Hibernate fixes the session's tenant when the transaction opens it.
				TenantScope.runAs(claim.workspaceId(), () -> deliver(claim));
			}
			catch (RuntimeException ex) {
				// Left SENDING: due again when its lease runs out.
				log.error("Delivery {} could not be completed; it is retried after its lease", claim.deliveryId(), ex);
			}
		}
		return ids;
	}

	private void deliver(Claim claim) {
		SmtpOutcome outcome;
		try {
			OutgoingEmail email = reads.execute(status -> deliveries.findById(claim.deliveryId()).map(this::outgoing))
				.orElseThrow(() -> new IllegalStateException("Claimed delivery " + claim.deliveryId() + " not found"));
			outcome = smtp.send(email);
		}
		catch (SecretSealer.UnreadableSecretException ex) {
			// Its key was removed since the command was checked: no later attempt can do better.
			outcome = new SmtpOutcome.Rejected("Not sent: " + ex.getMessage());
		}
		SmtpOutcome result = outcome;
		writes.executeWithoutResult(status -> record(claim, result));
	}

	/**
	 * The email as it goes out: the secrets opened and put into their references, plain in the subject
	 * and the text, HTML-escaped in the HTML. Only here, in memory; never stored or logged.
	 */
	private OutgoingEmail outgoing(EmailDelivery delivery) {
		Map<String, String> secrets = new HashMap<>();
		for (SendEmail.EncryptedSecret secret : delivery.secrets()) {
			secrets.put(secret.name(), sealer.open(delivery.commandId(), secret));
		}
		String subject = SecretContent.fill(delivery.subject(), secrets, UnaryOperator.identity());
		String text = SecretContent.fill(delivery.text(), secrets, UnaryOperator.identity());
		String html = delivery.html() == null ? null
				: layout.html(subject, SecretContent.fill(delivery.html(), secrets, HtmlUtils::htmlEscape));
		return new OutgoingEmail(delivery.id(), delivery.recipientEmail(), delivery.recipientName(), subject, text, html);
	}

	private void record(Claim claim, SmtpOutcome outcome) {
		EmailDelivery delivery = deliveries.findById(claim.deliveryId())
			.orElseThrow(() -> new IllegalStateException("Claimed delivery " + claim.deliveryId() + " not found"));
		Instant now = clock.instant();
		if (!(outcome instanceof SmtpOutcome.Accepted) && !delivery.holds(claim.lease())) {
			log.info("Delivery {} was claimed again after its lease ran out; {} is not recorded", delivery.id(), outcome);
			return;
		}
		switch (outcome) {
			case SmtpOutcome.Accepted accepted -> delivery.sent(now).ifPresent(sent -> {
				events.publishEvent(sent);
				count("sent");
				log.info("Delivery {} sent to {} (attempt {})", delivery.id(), EmailAddresses.mask(delivery.recipientEmail()),
						sent.attempts());
			});
			case SmtpOutcome.Rejected rejected -> delivery.rejected(claim.lease(), rejected.reason(), now)
				.ifPresent(this::failed);
			case SmtpOutcome.Deferred deferred -> delivery
				.attemptFailed(claim.lease(), deferred.reason(), retryPolicy, ThreadLocalRandom.current(), now)
				.ifPresentOrElse(this::failed, () -> {
					count("retried");
					log.warn("Delivery {} attempt {} failed ({}); next attempt at {}", delivery.id(), delivery.attempts(),
							deferred.reason(), delivery.nextAttemptAt());
				});
			case SmtpOutcome.NotAttempted notAttempted -> delivery.released(claim.lease());
		}
	}

	private void failed(EmailFailed failed) {
		events.publishEvent(failed);
		count("failed");
		log.warn("Delivery {} failed for good after {} attempt(s): {}", failed.deliveryId(), failed.attempts(),
				failed.reason());
	}

	private void count(String outcome) {
		meters.counter("coastline.notification.emails", "outcome", outcome).increment();
	}
}
