package com.coastline.project.estimate.web;

import java.time.Instant;
import java.util.UUID;

import com.coastline.project.estimate.Estimate;
import com.coastline.project.estimate.EstimateStatus;
import com.coastline.project.estimate.EstimateVersion;

/**
 * An estimate as the client sees it in the portal: only the latest version that is not a draft (a
 * revision the contractor is still writing stays hidden; the version shown is then SUPERSEDED and can no
 * longer be answered). To answer, the client names {@code version.number}.
 *
 * @param id the estimate
 * @param projectId its project
 * @param currency ISO 4217 code of every amount
 * @param status the shown version's status
 * @param version the version shown
 */
record ClientEstimateResponse(UUID id, UUID projectId, String currency, EstimateStatus status,
		VersionResponse version) {

	static ClientEstimateResponse of(Estimate estimate, Instant now) {
		EstimateVersion shown = estimate.shownToClient().orElseThrow();
		return new ClientEstimateResponse(estimate.getId(), estimate.getProjectId(), estimate.getCurrency(),
				shown.statusAt(now), VersionResponse.of(shown, now));
	}
}
