package com.coastline.project.estimate.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.coastline.project.estimate.EstimateStatus;
import com.coastline.project.estimate.EstimateVersion;

/**
 * One version of an estimate.
 *
 * @param number from 1
 * @param status DRAFT, SENT, APPROVED, DECLINED, CHANGES_REQUESTED, EXPIRED (sent, past its valid-until
 * date) or SUPERSEDED (sent, then revised before the client answered)
 * @param title its title
 * @param notes text for the client, or null
 * @param validUntil last day it can be approved, or null
 * @param lineItems its lines
 * @param subtotalMinor sum of the lines' net amounts
 * @param taxMinor sum of the lines' taxes
 * @param totalMinor subtotal + tax
 * @param createdAt when it was written
 * @param sentAt when it was sent, or null
 * @param answeredAt when the client answered, or null
 * @param answeredByContactId who answered, or null
 * @param clientMessage what the client wrote when declining or asking for changes, or null
 * @param approval the approval evidence, or null unless approved
 */
record VersionResponse(int number, EstimateStatus status, String title, String notes, LocalDate validUntil,
		List<LineItemResponse> lineItems, long subtotalMinor, long taxMinor, long totalMinor, Instant createdAt,
		Instant sentAt, Instant answeredAt, UUID answeredByContactId, String clientMessage,
		EvidenceResponse approval) {

	static VersionResponse of(EstimateVersion version, Instant now) {
		return new VersionResponse(version.getNumber(), version.statusAt(now), version.getTitle(), version.getNotes(),
				version.getValidUntil(), version.getLineItems().stream().map(LineItemResponse::of).toList(),
				version.getSubtotalMinor(), version.getTaxMinor(), version.getTotalMinor(), version.getCreatedAt(),
				version.getSentAt(), version.getAnsweredAt(), version.getAnsweredByContactId(),
				version.getClientMessage(), EvidenceResponse.of(version.getApproval()));
	}
}
