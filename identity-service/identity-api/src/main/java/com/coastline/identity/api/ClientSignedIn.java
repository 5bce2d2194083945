package com.coastline.identity.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A portal client signed in: a new session exists. Never carries the token or the session id.
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the contact's workspace
 * @param contactId the contact now signed in
 * @param linkId the one-tap link used, or null for another method
 * @param method how: {@code link} (later also {@code code})
 * @param signedInAt when
 */
public record ClientSignedIn(UUID eventId, UUID workspaceId, UUID contactId, UUID linkId, String method,
		Instant signedInAt) {
}
