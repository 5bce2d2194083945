package com.coastline.project.estimate;

import java.util.UUID;

import com.coastline.platform.web.problem.ConflictException;

/**
 * 409: the client answered a version of the estimate that is no longer the current one (the contractor
 * revised it since they loaded it). Approval freezes exactly the version shown, so it must be reloaded.
 */
public class StaleEstimateVersion extends ConflictException {

	public StaleEstimateVersion(UUID id, int answered) {
		super("Version " + answered + " of estimate " + id + " is no longer the current one; reload the estimate.");
	}
}
