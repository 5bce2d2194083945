package com.coastline.project.estimate;

import java.util.Map;
import java.util.UUID;

import com.coastline.platform.web.problem.ConflictException;

/** 409: the estimate's current state does not allow this move; nothing was changed. */
public class EstimateTransitionRefused extends ConflictException {

	private final EstimateStatus currentStatus;

	public EstimateTransitionRefused(UUID id, EstimateStatus currentStatus, String move) {
		super("Estimate " + id + " is " + currentStatus + " and cannot " + move + ".");
		this.currentStatus = currentStatus;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("currentStatus", this.currentStatus.name());
	}
}
