package com.coastline.identity.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A workspace's owner invited someone to its back office (or invited a removed member back). Published
 * on {@link IdentityTopics#EVENTS}, keyed by workspace id. The email is deliberately not part of the
 * event: it is personal data that would stay on the topic for its whole retention, and a consumer that
 * needs it (the invitation email) asks identity-service for the staff member.
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the workspace the staff member was invited to
 * @param staffId the staff member
 * @param role {@code OWNER} or {@code STAFF}
 * @param invitedBy the {@code sub} of the token that invited them (a staff id, or a service client such as
 * {@code admin})
 * @param invitedAt when they were invited
 */
public record StaffInvited(UUID eventId, UUID workspaceId, UUID staffId, String role, String invitedBy,
		Instant invitedAt) {

	/** The CloudEvents type ({@code ce_type}) and schema name of this event. */
	public static final String TYPE = "coastline.identity.StaffInvited.v1";

}
