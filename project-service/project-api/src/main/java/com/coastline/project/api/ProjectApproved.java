package com.coastline.project.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A project was approved (by the contractor, or by the client approving its estimate). Carries what the
 * automations need so that they do not have to call back.
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the project's workspace
 * @param projectId the project
 * @param projectName its name
 * @param projectAddress its address, or null
 * @param primaryContact the client the project belongs to
 * @param approvedAt when it was approved
 * @param version the project's version after approval
 */
public record ProjectApproved(UUID eventId, UUID workspaceId, UUID projectId, String projectName,
		String projectAddress, PrimaryContact primaryContact, Instant approvedAt, long version) {

	/**
	 * @param contactId the contact
	 * @param firstName first name
	 * @param lastName last name
	 * @param email email address
	 */
	public record PrimaryContact(UUID contactId, String firstName, String lastName, String email) {
	}
}
