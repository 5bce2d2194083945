package com.coastline.portal.api;

import java.time.Instant;
import java.util.UUID;

/**
 * The workspace turned its Customer Portal off: identity-service revokes the workspace's client links and
 * ends its client sessions. The whole profile follows in a {@link PortalProfileChanged} of the same version.
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the workspace
 * @param slug the portal's address at the time
 * @param deactivatedBy who turned it off (the token's subject)
 * @param deactivatedAt when
 * @param version the profile's version after the change; consumers ignore stale versions
 */
public record PortalDeactivated(UUID eventId, UUID workspaceId, String slug, String deactivatedBy,
		Instant deactivatedAt, long version) {
}
