package com.coastline.notification.delivery;

import java.time.Clock;

import com.coastline.notification.api.SecretSealer;
import com.coastline.notification.api.SendEmail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the delivery a {@link SendEmail} asks for, in the consumer's transaction (with its
 * processed-message row). Nothing is sent here: SMTP is a side effect outside the database, left to
 * the {@link EmailSender}. The command's secrets are opened here only to prove that they can be; the
 * delivery keeps them encrypted.
 */
@Service
public class EmailRequests {

	private static final Logger log = LoggerFactory.getLogger(EmailRequests.class);

	private final EmailDeliveries deliveries;

	private final SecretSealer sealer;

	private final SenderWorkers senders;

	private final Clock clock;

	EmailRequests(EmailDeliveries deliveries, SecretSealer sealer, SenderWorkers senders, Clock clock) {
		this.deliveries = deliveries;
		this.sealer = sealer;
		this.senders = senders;
		this.clock = clock;
	}

	/**
	 * Records the delivery, unless the workspace already has one under the command's idempotency key (a
	 * retried automation run sends a new command with the same key): that command is ignored. Must run
	 * in the command's workspace ({@code TenantScope}), opened before the transaction.
	 * @throws com.coastline.platform.messaging.PoisonMessageException for a command that can never be delivered
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void request(SendEmail command) {
		SendEmailCheck.check(command, sealer);
		var existing = deliveries.findByIdempotencyKey(command.idempotencyKey());
		if (existing.isPresent()) {
			log.info("Ignoring SendEmail {}: delivery {} already has idempotency key {}", command.commandId(),
					existing.get().id(), EmailAddresses.maskAll(command.idempotencyKey()));
			return;
		}
		// A concurrent duplicate (two replicas during a rebalance) hits the unique key at commit; the retry
		// then finds this row and ignores the command.
		EmailDelivery delivery = deliveries.save(EmailDelivery.requested(command, clock.instant()));
		log.info("Delivery {} of {} email to {} requested by command {}", delivery.id(), delivery.kind(),
				EmailAddresses.mask(delivery.recipientEmail()), command.commandId());
		senders.afterCommit();
	}
}
