package com.coastline.identity.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A one-tap link was issued for a portal client. Never carries the token.
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the contact's workspace
 * @param contactId the contact the link signs in
 * @param linkId the link
 * @param projectId the project the link opens, or null
 * @param issuedBy who asked for it: a staff member's or a service client's subject
 * @param issuedAt when it was issued
 * @param expiresAt when it stops working (30 days after issue)
 */
public record LinkIssued(UUID eventId, UUID workspaceId, UUID contactId, UUID linkId, UUID projectId, String issuedBy,
		Instant issuedAt, Instant expiresAt) {
}
