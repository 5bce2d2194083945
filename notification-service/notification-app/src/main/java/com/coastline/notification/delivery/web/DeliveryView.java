package com.coastline.notification.delivery.web;

import java.time.Instant;
import java.util.UUID;

import com.coastline.notification.api.EmailKind;
import com.coastline.notification.api.SendEmail;
import com.coastline.notification.delivery.DeliveryStatus;
import com.coastline.notification.delivery.EmailAddresses;
import com.coastline.notification.delivery.EmailDelivery;

/**
 * A delivery as the back office sees it: where it stands, never its content (subject and bodies may
 * carry personal data or codes).
 *
 * @param id the delivery
 * @param idempotencyKey the key of the command that asked for it
 * @param kind what the email is for
 * @param recipient the recipient's address, masked ({@code d***@example.com})
 * @param status PENDING, SENDING, SENT or FAILED
 * @param attempts SMTP attempts made so far
 * @param requestedAt when the command asked for it
 * @param nextAttemptAt when it is tried next (pending only)
 * @param sentAt when the SMTP server accepted it
 * @param failedAt when it was given up
 * @param lastError why the last attempt failed, with addresses masked; {@code undeliverable} when it was
 * not sent because the address is marked undeliverable
 * @param recipientUndeliverableUntil until when the recipient's address is marked undeliverable in the
 * workspace, now; null when it is not
 * @param correlation what caused it
 */
public record DeliveryView(UUID id, String idempotencyKey, EmailKind kind, String recipient, DeliveryStatus status,
		int attempts, Instant requestedAt, Instant nextAttemptAt, Instant sentAt, Instant failedAt, String lastError,
		Instant recipientUndeliverableUntil, SendEmail.Correlation correlation) {

	static DeliveryView of(EmailDelivery delivery, Instant recipientUndeliverableUntil) {
		return new DeliveryView(delivery.id(), delivery.idempotencyKey(), delivery.kind(),
				EmailAddresses.mask(delivery.recipientEmail()), delivery.status(), delivery.attempts(),
				delivery.requestedAt(), delivery.nextAttemptAt(), delivery.sentAt(), delivery.failedAt(),
				delivery.lastError(), recipientUndeliverableUntil, delivery.correlation());
	}
}
