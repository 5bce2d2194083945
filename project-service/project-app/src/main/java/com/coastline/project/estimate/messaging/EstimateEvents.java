package com.coastline.project.estimate.messaging;

import java.time.Instant;
import java.util.UUID;

import com.coastline.project.api.EstimateApproved;
import com.coastline.project.api.EstimateChangesRequested;
import com.coastline.project.api.EstimateDeclined;
import com.coastline.project.api.EstimateSent;
import com.coastline.project.api.EstimateViewed;
import com.coastline.project.estimate.ApprovalEvidence;
import com.coastline.project.estimate.Estimate;
import com.coastline.project.estimate.EstimateVersion;

/** Maps an estimate's version, as just saved, onto the events of project-api. */
public final class EstimateEvents {

	private EstimateEvents() {
	}

	public static EstimateSent sent(Estimate estimate, EstimateVersion version, UUID clientContactId) {
		return new EstimateSent(UUID.randomUUID(), estimate.getWorkspaceId(), estimate.getId(), estimate.getProjectId(),
				clientContactId, version.getNumber(), version.getTitle(), estimate.getCurrency(),
				version.getTotalMinor(), version.getValidUntil(), version.getSentAt());
	}

	public static EstimateApproved approved(Estimate estimate, EstimateVersion version) {
		ApprovalEvidence evidence = version.getApproval();
		return new EstimateApproved(UUID.randomUUID(), estimate.getWorkspaceId(), estimate.getId(),
				estimate.getProjectId(), version.getNumber(), version.getTitle(), estimate.getCurrency(),
				version.getTotalMinor(), evidence.getSignerContactId(), evidence.getSignedName(),
				evidence.getApprovedAt(), evidence.getContentSha256());
	}

	public static EstimateDeclined declined(Estimate estimate, EstimateVersion version) {
		return new EstimateDeclined(UUID.randomUUID(), estimate.getWorkspaceId(), estimate.getId(),
				estimate.getProjectId(), version.getNumber(), version.getAnsweredByContactId(),
				version.getClientMessage(), version.getAnsweredAt());
	}

	public static EstimateViewed viewed(Estimate estimate, EstimateVersion version, UUID contactId, Instant at) {
		return new EstimateViewed(UUID.randomUUID(), estimate.getWorkspaceId(), estimate.getId(),
				estimate.getProjectId(), version.getNumber(), contactId, at);
	}

	public static EstimateChangesRequested changesRequested(Estimate estimate, EstimateVersion version) {
		return new EstimateChangesRequested(UUID.randomUUID(), estimate.getWorkspaceId(), estimate.getId(),
				estimate.getProjectId(), version.getNumber(), version.getAnsweredByContactId(),
				version.getClientMessage(), version.getAnsweredAt());
	}
}
