package com.coastline.portal.signin;

import java.time.Instant;
import java.util.UUID;

/**
 * A new portal session at identity-service.
 *
 * @param sessionId the session's secret: the value of the portal's session cookie, nothing else
 * @param contactId the signed-in contact
 * @param workspaceId the workspace
 * @param projectId the project the link named, or null
 * @param expiresAt when the session ends at the latest (absolute timeout)
 */
public record SignedIn(String sessionId, UUID contactId, UUID workspaceId, UUID projectId, Instant expiresAt) {

	@Override
	public String toString() {
		return "SignedIn[contactId=" + this.contactId + ", workspaceId=" + this.workspaceId + "]";
	}
}
