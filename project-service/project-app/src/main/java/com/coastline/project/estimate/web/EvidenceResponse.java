package com.coastline.project.estimate.web;

import java.time.Instant;
import java.util.UUID;

import com.coastline.project.estimate.ApprovalEvidence;

/**
 * The approval evidence of a version.
 *
 * @param signerContactId the contact who approved (signed in to the portal)
 * @param signedName the full name they typed as signature
 * @param approvedAt when they approved
 * @param ip their IP address, as relayed by the portal gateway
 * @param userAgent their user agent, or null
 * @param contentSha256 SHA-256 (lower-case hex) of the version's canonical content
 */
record EvidenceResponse(UUID signerContactId, String signedName, Instant approvedAt, String ip, String userAgent,
		String contentSha256) {

	static EvidenceResponse of(ApprovalEvidence evidence) {
		return (evidence != null) ? new EvidenceResponse(evidence.getSignerContactId(), evidence.getSignedName(),
				evidence.getApprovedAt(), evidence.getSignerIp(), evidence.getSignerUserAgent(),
				evidence.getContentSha256()) : null;
	}
}
