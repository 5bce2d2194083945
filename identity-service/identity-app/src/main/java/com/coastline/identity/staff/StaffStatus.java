package com.coastline.identity.staff;

/** Where a staff member's membership of a workspace stands. */
public enum StaffStatus {

	/** Invited by an owner; becomes active at the first sign-in. */
	INVITED,

	/** Signed in at least once (or signed the workspace up). */
	ACTIVE,

	/** Removed by an owner: can no longer sign in to this workspace; kept on record. */
	REMOVED
}
