package com.coastline.identity.staff;

import com.coastline.platform.web.problem.ConflictException;

/** 409: the email already belongs to a staff member of this workspace (invited or active). */
public class StaffAlreadyInvited extends ConflictException {

	public StaffAlreadyInvited() {
		super("A staff member with this email is already in the workspace.");
	}
}
