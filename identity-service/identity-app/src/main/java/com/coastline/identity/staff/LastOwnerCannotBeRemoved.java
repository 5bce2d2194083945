package com.coastline.identity.staff;

import java.util.UUID;

import com.coastline.platform.web.problem.ConflictException;

/** 409: a workspace keeps at least one active owner, or nobody could manage its staff any more. */
public class LastOwnerCannotBeRemoved extends ConflictException {

	public LastOwnerCannotBeRemoved(UUID staffId) {
		super("Staff member " + staffId + " is the workspace's last active owner and cannot be removed.");
	}
}
