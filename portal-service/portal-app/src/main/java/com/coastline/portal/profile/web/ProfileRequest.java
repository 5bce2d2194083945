package com.coastline.portal.profile.web;

import com.coastline.portal.profile.AccentColors;
import com.coastline.portal.profile.ProfileChange;
import com.coastline.portal.profile.Slugs;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The portal's address and branding, replacing what was there.
 *
 * @param slug the address ({@code /p/{slug}}): 3 to 40 lower-case letters, digits and hyphens
 * @param displayName the name clients see; absent or blank shows the workspace's name
 * @param accentColor {@code #rrggbb}, readable with white text (contrast at least 4.5:1); absent for the default
 * @param contactPhone the contractor's phone for the footer
 * @param contactEmail the contractor's email for the footer
 * @param contactAddress the contractor's postal address for the footer
 */
record ProfileRequest(
		@NotNull @Pattern(regexp = Slugs.PATTERN,
				message = "must have 3 to 40 lower-case letters, digits and hyphens, starting and ending with a letter or digit") String slug,
		@Size(max = 100) String displayName,
		@Pattern(regexp = AccentColors.PATTERN, message = "must be a colour like #0b5cad") String accentColor,
		@Size(max = 40) @Pattern(regexp = "^[0-9+()./ -]*$",
				message = "may contain digits, spaces and + ( ) . / - only") String contactPhone,
		@Size(max = 254) @Email String contactEmail, @Size(max = 300) String contactAddress) {

	ProfileChange change() {
		return new ProfileChange(this.slug, this.displayName, this.accentColor, this.contactPhone, this.contactEmail,
				this.contactAddress);
	}
}
