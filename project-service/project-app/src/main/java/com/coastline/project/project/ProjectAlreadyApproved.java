package com.coastline.project.project;

import java.util.UUID;

/** 409: a project is approved once; approving it again (or once it went further) is refused. */
public class ProjectAlreadyApproved extends ProjectTransitionNotAllowed {

	public ProjectAlreadyApproved(UUID id, ProjectStatus currentState) {
		super(id, currentState, "be approved again");
	}
}
