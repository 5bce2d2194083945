package com.coastline.project.estimate;

import java.util.UUID;

import com.coastline.platform.web.problem.ConflictException;

/** 409: the estimate's project was cancelled, so the estimate can no longer be sent or approved; nothing changed. */
public class EstimateOfCancelledProject extends ConflictException {

	public EstimateOfCancelledProject(UUID estimateId, UUID projectId) {
		super("Estimate " + estimateId + " belongs to project " + projectId + ", which was cancelled.");
	}
}
