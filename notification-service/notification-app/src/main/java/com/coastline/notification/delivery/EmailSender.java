package com.coastline.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

import com.coastline.notification.api.EmailFailed;
import com.coastline.notification.api.EmailKind;
import com.coastline.notification.api.SecretSealer;
import com.coastline.notification.api.SendEmail;
import com.coastline.notification.config.NotificationProperties;
import com.coastline.notification.delivery.DeliveryClaims.Claim;
import com.coastline.platform.web.tenant.TenantScope;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
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
 * {@code Message-ID}. Deliveries are sent one at a time, each outcome recorded before the next is sent,
 * so a crash duplicates at most the one email in flight.
 * <p>
 * An email to an address marked {@link UndeliverableAddresses undeliverable} in its workspace fails at
 * once (sign-in codes excepted); a recipient the server rejects for good marks its address.
 */
@Component
public class EmailSender {

	private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

	private final DeliveryClaims claims;

	private final EmailDeliveries deliveries;

	private final SmtpGateway smtp;

	private final EmailLayout layout;

	private final WorkspaceBrandings brandings;

	private final UndeliverableAddresses undeliverable;

	private final SecretSealer sealer;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate reads;

	private final TransactionTemplate writes;

	private final Clock clock;

	private final NotificationProperties properties;

	private final RetryPolicy retryPolicy;

	private final MeterRegistry meters;

	EmailSender(DeliveryClaims claims, EmailDeliveries deliveries, SmtpGateway smtp, EmailLayout layout,
			WorkspaceBrandings brandings, UndeliverableAddresses undeliverable, SecretSealer sealer,
			ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock,
			NotificationProperties properties, MeterRegistry meters) {
		this.claims = claims;
		this.deliveries = deliveries;
		this.smtp = smtp;
		this.layout = layout;
		this.brandings = brandings;
		this.undeliverable = undeliverable;
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
			Optional<OutgoingEmail> email = reads.execute(status -> {
				EmailDelivery delivery = deliveries.findById(claim.deliveryId())
					.orElseThrow(() -> new IllegalStateException("Claimed delivery " + claim.deliveryId() + " not found"));
				return isUndeliverable(delivery) ? Optional.<OutgoingEmail>empty() : Optional.of(outgoing(delivery));
			});
			outcome = email.isPresent() ? smtp.send(email.get()) : new SmtpOutcome.Undeliverable();
		}
		catch (SecretSealer.UnreadableSecretException ex) {
			// Its key was removed since the command was checked: no later attempt can do better.
			outcome = new SmtpOutcome.Rejected("Not sent: " + ex.getMessage());
		}
		SmtpOutcome result = outcome;
		writes.executeWithoutResult(status -> record(claim, result));
	}

	/**
	 * Whether the email must not go out because its address is marked undeliverable in the workspace.
	 * Sign-in codes always go: someone is waiting for the code right now, and the address may work again.
	 */
	private boolean isUndeliverable(EmailDelivery delivery) {
		return delivery.kind() != EmailKind.SIGN_IN_CODE
				&& undeliverable.find(delivery.workspaceId(), delivery.recipientEmail(), clock.instant()).isPresent();
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
		EmailBranding branding = brandings.of(delivery.workspaceId());
		String text = layout.text(SecretContent.fill(delivery.text(), secrets, UnaryOperator.identity()), branding);
		String html = delivery.html() == null ? null
				: layout.html(subject, SecretContent.fill(delivery.html(), secrets, HtmlUtils::htmlEscape), branding);
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
				// The server took it: whatever made the address undeliverable has passed.
				undeliverable.clear(delivery.workspaceId(), delivery.recipientEmail());
				events.publishEvent(sent);
				count("sent");
				log.info("Delivery {} sent to {} (attempt {})", delivery.id(), EmailAddresses.mask(delivery.recipientEmail()),
						sent.attempts());
			});
			case SmtpOutcome.Rejected rejected -> delivery.rejected(claim.lease(), rejected.reason(), now)
				.ifPresent(this::failed);
			case SmtpOutcome.RecipientRejected rejected -> delivery.rejected(claim.lease(), rejected.reason(), now)
				.ifPresent(failed -> {
					undeliverable.mark(delivery.workspaceId(), delivery.recipientEmail(), rejected.reason(), delivery.id(),
							now);
					failed(failed);
				});
			case SmtpOutcome.Undeliverable suppressed -> delivery
				.rejected(claim.lease(), UndeliverableAddresses.REASON, now)
				.ifPresent(failed -> {
					undeliverable.suppressed();
					failed(failed);
				});
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
