package com.coastline.project.appointment;

import java.util.Map;
import java.util.UUID;

import com.coastline.platform.web.problem.ConflictException;

/** 409: a cancelled or completed visit does not change any more; the problem names its {@code currentState}. */
public class AppointmentTransitionNotAllowed extends ConflictException {

	private final AppointmentStatus currentState;

	public AppointmentTransitionNotAllowed(UUID id, AppointmentStatus currentState, String what) {
		super("Appointment " + id + " is " + currentState + ": it cannot " + what + ".");
		this.currentState = currentState;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("currentState", this.currentState.name());
	}
}
