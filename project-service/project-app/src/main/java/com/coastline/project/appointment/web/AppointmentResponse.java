package com.coastline.project.appointment.web;

import java.time.Instant;
import java.util.UUID;

import com.coastline.project.appointment.Appointment;
import com.coastline.project.appointment.AppointmentStatus;

/**
 * A visit as the back office sees it, internal notes included.
 *
 * @param id the appointment
 * @param projectId its project
 * @param startsAt start of the window
 * @param endsAt end of the window
 * @param timeZone the IANA time zone it is shown in
 * @param assigneeName who is coming, or null
 * @param notes internal notes, or null
 * @param status SCHEDULED, RESCHEDULED, CANCELLED or COMPLETED
 * @param version grows with every change
 * @param createdAt when it was scheduled
 * @param updatedAt when it last changed
 */
record AppointmentResponse(UUID id, UUID projectId, Instant startsAt, Instant endsAt, String timeZone,
		String assigneeName, String notes, AppointmentStatus status, long version, Instant createdAt,
		Instant updatedAt) {

	static AppointmentResponse of(Appointment appointment) {
		return new AppointmentResponse(appointment.getId(), appointment.getProjectId(), appointment.getStartsAt(),
				appointment.getEndsAt(), appointment.getTimeZone(), appointment.getAssigneeName(),
				appointment.getNotes(), appointment.getStatus(), appointment.getVersion(), appointment.getCreatedAt(),
				appointment.getUpdatedAt());
	}
}
