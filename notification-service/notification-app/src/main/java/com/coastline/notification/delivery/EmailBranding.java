package com.coastline.notification.delivery;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * How a workspace's emails look: the name and colour of the header, an optional logo, and the
 * contractor's contact details for the footer. {@link #COASTLINE} (neutral, no contact details) until
 * the workspace's branding reaches this service ({@link WorkspaceBrandings}). Values that could break the
 * layout are dropped rather than trusted: a colour that is not {@code #rrggbb} becomes Coastline's, a logo
 * that is not an absolute {@code https} URL is left out, blank text is absent. Every value is
 * HTML-escaped by the {@link EmailLayout}.
 *
 * @param displayName the name in the header (and the logo's alt text); Coastline's when blank
 * @param accentColour {@code #rrggbb}, the header's rule
 * @param logoUrl an absolute {@code https} URL of the logo, or null for the name as text
 * @param phone the contractor's phone for the footer, or null
 * @param email the contractor's email for the footer, or null
 * @param postalAddress the contractor's address for the footer, or null
 */
public record EmailBranding(String displayName, String accentColour, URI logoUrl, String phone, String email,
		String postalAddress) {

	private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

	private static final int MAX_TEXT = 200;

	/** The neutral Coastline layout (declared after the constants its constructor uses). */
	public static final EmailBranding COASTLINE = new EmailBranding("Coastline", "#0e7490", null, null, null, null);

	public EmailBranding {
		displayName = text(displayName);
		if (displayName == null) {
			displayName = "Coastline";
		}
		accentColour = accentColour != null && COLOUR.matcher(accentColour).matches() ? accentColour : "#0e7490";
		logoUrl = logoUrl != null && logoUrl.isAbsolute() && "https".equalsIgnoreCase(logoUrl.getScheme())
				&& logoUrl.getHost() != null ? logoUrl : null;
		phone = text(phone);
		email = email != null && EmailAddresses.isSingleAddress(email.strip()) ? email.strip() : null;
		postalAddress = text(postalAddress);
	}

	/** Whether the footer has any contact details. */
	public boolean hasContact() {
		return phone != null || email != null || postalAddress != null;
	}

	/** Trimmed, on one line, at most {@value #MAX_TEXT} characters; null when blank. */
	private static String text(String value) {
		if (value == null) {
			return null;
		}
		String line = value.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
		if (line.isEmpty()) {
			return null;
		}
		return line.length() <= MAX_TEXT ? line : line.substring(0, MAX_TEXT);
	}
}
