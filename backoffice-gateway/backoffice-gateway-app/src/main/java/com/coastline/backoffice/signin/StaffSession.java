package com.coastline.backoffice.signin;

import java.time.Instant;
import java.util.UUID;

/**
 * A new staff session at identity-service.
 *
 * @param sessionId the session's secret: the value of the back office's session cookie, nothing else
 * @param staffId the signed-in staff member
 * @param workspaceId the workspace
 * @param role {@code owner} or {@code staff}
 * @param expiresAt when the session ends at the latest (absolute timeout)
 */
public record StaffSession(String sessionId, UUID staffId, UUID workspaceId, String role, Instant expiresAt) {

	@Override
	public String toString() {
		return "StaffSession[staffId=" + this.staffId + ", workspaceId=" + this.workspaceId + "]";
	}
}
