package com.coastline.notification.api;

import java.time.Instant;
import java.util.UUID;

/**
 * Notification gave up on an email (rejected recipient, or retries exhausted).
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param deliveryId notification's record of the delivery
 * @param idempotencyKey the key of the {@link SendEmail} it was for
 * @param workspaceId the workspace
 * @param correlation as given in the command
 * @param attempts how many attempts were made
 * @param reason why, without the email's content, addresses masked; exactly {@code undeliverable} when it
 * was not sent because an SMTP server rejected the address for good recently (the workspace's
 * undeliverable addresses; sign-in codes are always tried)
 * @param failedAt when it gave up
 */
public record EmailFailed(UUID eventId, UUID deliveryId, String idempotencyKey, UUID workspaceId,
		SendEmail.Correlation correlation, int attempts, String reason, Instant failedAt) {
}
