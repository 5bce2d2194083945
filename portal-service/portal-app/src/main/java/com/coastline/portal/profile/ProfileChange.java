package com.coastline.portal.profile;

/**
 * The address and branding staff set, replacing what was there (format already validated).
 *
 * @param slug the address
 * @param displayName the name clients see; null shows the workspace's name
 * @param accentColor {@code #rrggbb}; null for the default
 * @param contactPhone for the footer, or null
 * @param contactEmail for the footer, or null
 * @param contactAddress for the footer, or null
 */
public record ProfileChange(String slug, String displayName, String accentColor, String contactPhone,
		String contactEmail, String contactAddress) {
}
