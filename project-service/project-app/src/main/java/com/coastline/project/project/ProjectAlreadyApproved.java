package com.coastline.project.project;

import java.util.UUID;

import com.coastline.platform.web.problem.ConflictException;

/** 409: a project is approved once. */
public class ProjectAlreadyApproved extends ConflictException {

	public ProjectAlreadyApproved(UUID id) {
		super("Project " + id + " is already approved.");
	}
}
