package com.coastline.project.appointment;

/**
 * Where a visit stands. SCHEDULED or RESCHEDULED (after a new window; it may be rescheduled again) are
 * open; CANCELLED and COMPLETED are final. Moves out of a final status are refused with
 * {@link AppointmentTransitionNotAllowed} (409).
 */
public enum AppointmentStatus {

	SCHEDULED,

	RESCHEDULED,

	CANCELLED,

	COMPLETED;

	public boolean isOpen() {
		return this == SCHEDULED || this == RESCHEDULED;
	}
}
