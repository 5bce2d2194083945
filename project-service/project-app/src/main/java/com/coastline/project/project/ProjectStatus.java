package com.coastline.project.project;

/**
 * Where a project stands. A project starts as a lead and is approved by the contractor (or, later, by
 * the client approving its estimate); the later lifecycle (scheduled, in progress, completed,
 * cancelled) adds states here, with their moves on {@link Project}.
 */
public enum ProjectStatus {

	/** Created, not yet approved. */
	LEAD,

	/** Approved: the work is agreed. */
	APPROVED
}
