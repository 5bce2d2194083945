package com.coastline.identity.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A one-tap link stopped working before its expiry; the sessions it created have ended.
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the contact's workspace
 * @param contactId the contact the link signed in
 * @param linkId the link
 * @param reason {@code revoked} (by the back office), {@code reissued} (minted again under the same
 * idempotency key), {@code email-changed}, {@code contact-archived} or {@code portal-deactivated} (the
 * workspace turned its Customer Portal off)
 * @param revokedAt when it was revoked
 */
public record LinkRevoked(UUID eventId, UUID workspaceId, UUID contactId, UUID linkId, String reason,
		Instant revokedAt) {
}
