package com.coastline.portal.profile;

import java.util.UUID;

/**
 * What anyone may learn from a portal address: whose portal it is, whether it is open and how it looks.
 *
 * @param workspaceId the workspace
 * @param slug the address asked for
 * @param canonicalSlug the portal's current address
 * @param redirect whether the address asked for is an old one: show the portal at {@code canonicalSlug}
 * @param active whether clients can use the portal
 * @param branding how it looks
 */
public record PublicPortal(UUID workspaceId, String slug, String canonicalSlug, boolean redirect, boolean active,
		Branding branding) {

	/**
	 * @param displayName the contractor's name
	 * @param accentColor {@code #rrggbb}, readable with white text
	 * @param logoUrl the logo's public address, or null
	 * @param contactPhone for the footer, or null
	 * @param contactEmail for the footer, or null
	 * @param contactAddress for the footer, or null
	 */
	public record Branding(String displayName, String accentColor, String logoUrl, String contactPhone,
			String contactEmail, String contactAddress) {
	}
}
