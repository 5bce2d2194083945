package com.coastline.project.invoice;

import java.util.Map;
import java.util.UUID;

import com.coastline.platform.web.problem.ConflictException;
import com.coastline.project.estimate.EstimateStatus;

/**
 * 409: an invoice is made from an approved estimate version only, and once (unless that invoice was
 * voided). {@code currentStatus} names the version's status.
 */
public class EstimateNotInvoiceable extends ConflictException {

	private final EstimateStatus currentStatus;

	public EstimateNotInvoiceable(UUID estimateId, int version, EstimateStatus currentStatus, String why) {
		super("Version " + version + " of estimate " + estimateId + " " + why + ".");
		this.currentStatus = currentStatus;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("currentStatus", this.currentStatus.name());
	}
}
