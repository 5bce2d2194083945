package com.coastline.project.project;

import java.util.Map;
import java.util.UUID;

import com.coastline.platform.web.problem.ConflictException;

/**
 * 409: the project's current status does not allow this move (or change). The problem names the
 * current state in {@code currentState}, so that the back office can show it and refresh.
 */
public class ProjectTransitionNotAllowed extends ConflictException {

	private final ProjectStatus currentState;

	public ProjectTransitionNotAllowed(UUID id, ProjectStatus currentState, String what) {
		super("Project " + id + " is " + currentState + ": it cannot " + what + ".");
		this.currentState = currentState;
	}

	public ProjectStatus currentState() {
		return this.currentState;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("currentState", this.currentState.name());
	}
}
