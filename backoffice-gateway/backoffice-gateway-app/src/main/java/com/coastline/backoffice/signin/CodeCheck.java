package com.coastline.backoffice.signin;

import java.util.List;
import java.util.UUID;

/**
 * A right code: either a session (the email is a member of one workspace) or the workspaces to choose from.
 *
 * @param session the session, or null when the staff member must choose
 * @param workspaces the email's workspaces, when several
 */
public record CodeCheck(StaffSession session, List<Workspace> workspaces) {

	/**
	 * @param workspaceId the workspace
	 * @param workspaceName its name
	 * @param role the member's role there
	 */
	public record Workspace(UUID workspaceId, String workspaceName, String role) {
	}
}
