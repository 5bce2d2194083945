package com.coastline.backoffice.screens;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A project as project-service's back-office API answers it ({@code /api/projects}).
 *
 * @param id the project
 * @param name its name
 * @param address the site's address, or null
 * @param status {@code LEAD}, {@code ESTIMATING}, {@code APPROVED}, {@code IN_PROGRESS}, {@code COMPLETED} or
 * {@code CANCELLED}
 * @param primaryContactId the client who gets the estimates and the portal link, or null
 * @param addedContactIds other contacts who see it in the portal
 * @param approvedAt when it was approved, or null
 * @param createdAt when it was created
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Project(UUID id, String name, String address, String status, UUID primaryContactId,
		List<UUID> addedContactIds, Instant approvedAt, Instant createdAt) {

	/** The status in words ({@code IN_PROGRESS} → "In progress"). */
	public String statusLabel() {
		if (this.status == null) {
			return "";
		}
		String words = this.status.replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/** Whether the contact sees this project in the portal (primary or added). */
	public boolean involves(UUID contactId) {
		return contactId.equals(this.primaryContactId)
				|| (this.addedContactIds != null && this.addedContactIds.contains(contactId));
	}
}
