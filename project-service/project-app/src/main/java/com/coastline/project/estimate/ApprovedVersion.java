package com.coastline.project.estimate;

import java.util.UUID;

import com.coastline.platform.web.problem.NotFoundException;

/**
 * An approved version of an estimate with its evidence, and the check that the stored version still
 * hashes to what was approved.
 *
 * @param estimate the estimate
 * @param version the approved version
 * @param recomputedSha256 SHA-256 of the version's canonical content, computed now from what is stored
 */
public record ApprovedVersion(Estimate estimate, EstimateVersion version, String recomputedSha256) {

	static ApprovedVersion of(Estimate estimate, int number) {
		EstimateVersion version = estimate.version(number)
			.filter(candidate -> candidate.getApproval() != null)
			.orElseThrow(() -> new NotFoundException(
					"Estimate " + estimate.getId() + " has no approved version " + number + "."));
		return new ApprovedVersion(estimate, version, CanonicalContent.sha256(estimate, version));
	}

	public ApprovalEvidence evidence() {
		return this.version.getApproval();
	}

	public UUID estimateId() {
		return this.estimate.getId();
	}

	/** Whether the stored version hashes to the hash recorded at approval. */
	public boolean intact() {
		return this.recomputedSha256.equals(evidence().getContentSha256());
	}
}
