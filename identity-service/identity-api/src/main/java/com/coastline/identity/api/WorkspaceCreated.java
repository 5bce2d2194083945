package com.coastline.identity.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A contractor business signed up: a new workspace (tenant) exists.
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the new workspace
 * @param name the business name shown to clients
 * @param timeZone IANA time zone, e.g. {@code America/Denver}
 * @param currency ISO 4217 code, e.g. {@code USD}
 * @param createdAt when it was created
 * @param version the workspace's version (1 at creation); consumers ignore stale versions
 */
public record WorkspaceCreated(UUID eventId, UUID workspaceId, String name, String timeZone, String currency,
		Instant createdAt, long version) {
}
