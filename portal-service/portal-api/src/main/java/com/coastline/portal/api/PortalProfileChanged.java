package com.coastline.portal.api;

import java.time.Instant;
import java.util.UUID;

/**
 * The workspace's portal profile changed (address, branding, contact details, logo or active flag). Carries
 * the whole current state, so that a consumer (notification's email layout, automation's dynamic values)
 * keeps its projection from this one event.
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the workspace
 * @param slug the portal's address ({@code /p/{slug}}); older slugs keep redirecting to it
 * @param displayName the contractor's name shown to clients (the workspace's name unless staff set another)
 * @param accentColor the accent colour, {@code #rrggbb}, readable with white text (contrast at least 4.5:1)
 * @param contactPhone the contractor's phone for the footer, or null
 * @param contactEmail the contractor's email for the footer, or null
 * @param contactAddress the contractor's postal address for the footer, or null
 * @param logoUrl the public address of the logo (changes with the logo), or null without one
 * @param active whether clients can use the portal
 * @param version the profile's version; consumers ignore an event older than what they have
 * @param changedAt when the change happened
 */
public record PortalProfileChanged(UUID eventId, UUID workspaceId, String slug, String displayName,
		String accentColor, String contactPhone, String contactEmail, String contactAddress, String logoUrl,
		boolean active, long version, Instant changedAt) {
}
