package com.coastline.project.estimate.web;

import java.util.UUID;

import com.coastline.project.estimate.ApprovedVersion;

/**
 * Whether an approved version, as stored now, is still what the client approved.
 *
 * @param estimateId the estimate
 * @param version the approved version's number
 * @param contentSha256 the hash recorded at approval
 * @param recomputedSha256 the hash of the version's canonical content, computed from what is stored now
 * @param intact whether the two are equal
 */
record VerificationResponse(UUID estimateId, int version, String contentSha256, String recomputedSha256,
		boolean intact) {

	static VerificationResponse of(ApprovedVersion approved) {
		return new VerificationResponse(approved.estimateId(), approved.version().getNumber(),
				approved.evidence().getContentSha256(), approved.recomputedSha256(), approved.intact());
	}
}
