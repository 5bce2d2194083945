package com.coastline.project.appointment.web;

import java.time.Instant;
import java.util.UUID;

import com.coastline.project.appointment.Appointment;
import com.coastline.project.appointment.AppointmentStatus;

/**
 * A visit as a client sees it: never the internal notes.
 *
 * @param id the appointment
 * @param projectId its project
 * @param startsAt start of the window
 * @param endsAt end of the window
 * @param timeZone the IANA time zone to show it in
 * @param assigneeName who is coming, or null
 * @param status SCHEDULED, RESCHEDULED, CANCELLED or COMPLETED
 */
record PortalAppointmentResponse(UUID id, UUID projectId, Instant startsAt, Instant endsAt, String timeZone,
		String assigneeName, AppointmentStatus status) {

	static PortalAppointmentResponse of(Appointment appointment) {
		return new PortalAppointmentResponse(appointment.getId(), appointment.getProjectId(),
				appointment.getStartsAt(), appointment.getEndsAt(), appointment.getTimeZone(),
				appointment.getAssigneeName(), appointment.getStatus());
	}
}
