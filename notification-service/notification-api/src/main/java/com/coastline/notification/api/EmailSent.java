package com.coastline.notification.api;

import java.time.Instant;
import java.util.UUID;

/**
 * The SMTP server accepted the email.
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param deliveryId notification's record of the delivery
 * @param idempotencyKey the key of the {@link SendEmail} it fulfils
 * @param workspaceId the workspace
 * @param correlation as given in the command
 * @param attempts how many attempts it took
 * @param sentAt when the SMTP server accepted it
 */
public record EmailSent(UUID eventId, UUID deliveryId, String idempotencyKey, UUID workspaceId,
		SendEmail.Correlation correlation, int attempts, Instant sentAt) {
}
