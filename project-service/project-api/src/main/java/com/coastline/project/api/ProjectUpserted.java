package com.coastline.project.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A project was created or changed (details, status, primary or added contacts); carries the whole
 * current state, so that a consumer keeps its projection (project details, status, who may see the
 * project) from this one event. Approval additionally publishes {@link ProjectApproved}, once.
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the project's workspace
 * @param projectId the project
 * @param name its name
 * @param address its site address, or null
 * @param status {@code LEAD}, {@code ESTIMATING}, {@code APPROVED}, {@code IN_PROGRESS}, {@code COMPLETED}
 * or {@code CANCELLED}
 * @param primaryContactId the client the project belongs to
 * @param addedContactIds the other contacts who may see the project in the portal, in the order they were
 * added; never contains the primary contact
 * @param version the project's version; consumers ignore an event older than what they have
 * @param occurredAt when the change happened
 */
public record ProjectUpserted(UUID eventId, UUID workspaceId, UUID projectId, String name, String address,
		String status, UUID primaryContactId, List<UUID> addedContactIds, long version, Instant occurredAt) {
}
