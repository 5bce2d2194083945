package com.coastline.identity.staff;

import java.util.Locale;

/** What a staff member may do in their workspace's back office. */
public enum StaffRole {

	/** Runs the workspace: invites and removes staff, besides everything staff do. */
	OWNER,

	/** Works in the back office. */
	STAFF;

	/** The value of this role in a token's {@code roles} claim ({@code owner}, {@code staff}). */
	public String claim() {
		return name().toLowerCase(Locale.ROOT);
	}
}
