package com.coastline.portal.profile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A workspace's Customer Portal as the back office sees it.
 *
 * @param workspaceId the workspace
 * @param active whether clients can use it
 * @param slug its address, or null before staff chose one
 * @param portalUrl where clients find it, or null without an address
 * @param previousSlugs older addresses, which keep redirecting to the current one
 * @param displayName the name clients see, or null while neither staff nor identity-service named it
 * @param customDisplayName the name staff chose, or null when the workspace's name is shown
 * @param accentColor {@code #rrggbb}
 * @param contactPhone the contractor's phone for the footer, or null
 * @param contactEmail the contractor's email for the footer, or null
 * @param contactAddress the contractor's address for the footer, or null
 * @param logoUrl the public address of the logo, or null without one
 * @param revision raised by every change clients can see
 * @param updatedAt when it last changed, or null for a workspace the portal knows nothing of yet
 */
public record Portal(UUID workspaceId, boolean active, String slug, String portalUrl, List<String> previousSlugs,
		String displayName, String customDisplayName, String accentColor, String contactPhone, String contactEmail,
		String contactAddress, String logoUrl, long revision, Instant updatedAt) {

	/** A workspace without a profile yet: inactive, default branding. */
	static Portal unknown(UUID workspaceId) {
		return new Portal(workspaceId, false, null, null, List.of(), null, null, PortalProfile.DEFAULT_ACCENT, null,
				null, null, null, 0, null);
	}
}
