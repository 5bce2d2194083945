package com.coastline.identity.staff.web;

import java.time.Instant;
import java.util.UUID;

import com.coastline.identity.staff.StaffMember;
import com.coastline.identity.staff.StaffRole;
import com.coastline.identity.staff.StaffStatus;

/**
 * A staff member as the API shows them.
 *
 * @param id the staff member ({@code sub} of their tokens)
 * @param workspaceId their workspace
 * @param email normalised email
 * @param name their name
 * @param role {@code OWNER} or {@code STAFF}
 * @param status {@code INVITED}, {@code ACTIVE} or {@code REMOVED}
 * @param invitedBy who invited them ({@code sub} of that token); {@code null} for the owner who signed up
 * @param invitedAt when they were (last) invited, or signed up
 * @param activatedAt when they became active, if they have
 * @param removedAt when they were removed, if they were
 * @param version 1 at creation, incremented by every change
 */
public record StaffView(UUID id, UUID workspaceId, String email, String name, StaffRole role, StaffStatus status,
		String invitedBy, Instant invitedAt, Instant activatedAt, Instant removedAt, long version) {

	static StaffView of(StaffMember member) {
		return new StaffView(member.getId(), member.getWorkspaceId(), member.getEmail(), member.getName(),
				member.getRole(), member.getStatus(), member.getInvitedBy(), member.getInvitedAt(),
				member.getActivatedAt(), member.getRemovedAt(), member.getVersion());
	}
}
