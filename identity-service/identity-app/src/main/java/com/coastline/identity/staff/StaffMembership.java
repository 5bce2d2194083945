package com.coastline.identity.staff;

import java.util.UUID;

/**
 * One workspace an email may sign in to as staff.
 *
 * @param staffId the staff member ({@code sub} of their tokens)
 * @param workspaceId the workspace ({@code wid})
 * @param role their role there
 * @param status {@code ACTIVE}, or {@code INVITED} when this sign-in would be their first
 * @param email their email address (normalised)
 */
public record StaffMembership(UUID staffId, UUID workspaceId, StaffRole role, StaffStatus status, String email) {

	static StaffMembership of(StaffMember member) {
		return new StaffMembership(member.getId(), member.getWorkspaceId(), member.getRole(), member.getStatus(),
				member.getEmail());
	}
}
