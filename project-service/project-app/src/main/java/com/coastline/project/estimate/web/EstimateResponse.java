package com.coastline.project.estimate.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.coastline.project.estimate.Estimate;
import com.coastline.project.estimate.EstimateStatus;

/**
 * An estimate as the back office sees it: every version, the current one last.
 *
 * @param id the estimate
 * @param projectId its project
 * @param currency ISO 4217 code of every amount
 * @param status the current version's status
 * @param currentVersion the current version's number
 * @param versions every version, oldest first
 * @param version grows with every change (optimistic locking)
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
record EstimateResponse(UUID id, UUID projectId, String currency, EstimateStatus status, int currentVersion,
		List<VersionResponse> versions, long version, Instant createdAt, Instant updatedAt) {

	static EstimateResponse of(Estimate estimate, Instant now) {
		return new EstimateResponse(estimate.getId(), estimate.getProjectId(), estimate.getCurrency(),
				estimate.statusAt(now), estimate.current().getNumber(),
				estimate.getVersions().stream().map(version -> VersionResponse.of(version, now)).toList(),
				estimate.getVersion(), estimate.getCreatedAt(), estimate.getUpdatedAt());
	}
}
