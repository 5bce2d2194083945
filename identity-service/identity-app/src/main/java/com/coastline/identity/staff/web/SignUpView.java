package com.coastline.identity.staff.web;

import com.coastline.identity.staff.SignUps.SignUp;
import com.coastline.identity.workspace.Workspace;
import com.coastline.identity.workspace.web.WorkspaceView;

/**
 * A signed-up business: its workspace (as {@code GET /api/workspaces/{id}} shows it) and its owner.
 *
 * @param workspace the new workspace
 * @param owner its owner, active
 */
record SignUpView(WorkspaceView workspace, StaffView owner) {

	static SignUpView of(SignUp signUp) {
		Workspace workspace = signUp.workspace();
		return new SignUpView(new WorkspaceView(workspace.getId(), workspace.getName(), workspace.getTimeZone(),
				workspace.getCurrency(), workspace.getCreatedAt(), workspace.getVersion()), StaffView.of(signUp.owner()));
	}
}
