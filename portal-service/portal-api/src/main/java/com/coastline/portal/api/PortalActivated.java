package com.coastline.portal.api;

import java.time.Instant;
import java.util.UUID;

/**
 * The workspace turned its Customer Portal on: clients can sign in at its address again. The whole profile
 * follows in a {@link PortalProfileChanged} of the same version.
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the workspace
 * @param slug the portal's address ({@code /p/{slug}})
 * @param activatedBy who turned it on (the token's subject)
 * @param activatedAt when
 * @param version the profile's version after the change; consumers ignore stale versions
 */
public record PortalActivated(UUID eventId, UUID workspaceId, String slug, String activatedBy, Instant activatedAt,
		long version) {
}
