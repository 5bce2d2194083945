package com.coastline.backoffice.screens.settings;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The workspace's Customer Portal as portal-service answers it ({@code GET /api/portal-profile}).
 *
 * @param active whether clients can use it
 * @param slug its address ({@code /p/{slug}}), or null before it is set up
 * @param portalUrl the full address, or null
 * @param previousSlugs old addresses that still redirect
 * @param displayName the name clients see (the workspace's name unless a custom one is set)
 * @param customDisplayName the custom name, or null
 * @param accentColor {@code #rrggbb}
 * @param contactPhone the contractor's phone, or null
 * @param contactEmail the contractor's email, or null
 * @param contactAddress the contractor's address, or null
 * @param logoUrl the logo's public address, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PortalProfile(boolean active, String slug, String portalUrl, List<String> previousSlugs,
		String displayName, String customDisplayName, String accentColor, String contactPhone, String contactEmail,
		String contactAddress, String logoUrl) {

	/** The default accent, when portal-service names none. */
	static final String DEFAULT_ACCENT = "#0b5cad";

	private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

	/** The accent colour, safe to write into a stylesheet. */
	public String safeAccent() {
		return (this.accentColor != null && COLOUR.matcher(this.accentColor).matches()) ? this.accentColor
				: DEFAULT_ACCENT;
	}
}
