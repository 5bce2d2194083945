package com.coastline.project.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A version of an estimate was sent to the client: it is now in their portal, to approve, decline or
 * answer with a request for changes. Each sent version is its own event; a consumer that already saw a
 * higher {@code versionNumber} of the estimate may ignore a lower one.
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the estimate's workspace
 * @param estimateId the estimate (the Kafka key)
 * @param projectId the project it belongs to
 * @param clientContactId the project's primary contact, who sees it in the portal
 * @param versionNumber the version sent, from 1
 * @param title the estimate's title in that version
 * @param currency ISO 4217 code of every amount of the estimate
 * @param totalMinor the version's total, taxes included, in minor units of the currency
 * @param validUntil the last day it can be approved, or null when it does not expire
 * @param sentAt when it was sent
 */
public record EstimateSent(UUID eventId, UUID workspaceId, UUID estimateId, UUID projectId, UUID clientContactId,
		int versionNumber, String title, String currency, long totalMinor, LocalDate validUntil, Instant sentAt) {
}
