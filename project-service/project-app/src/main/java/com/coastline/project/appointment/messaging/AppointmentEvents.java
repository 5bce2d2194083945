package com.coastline.project.appointment.messaging;

import java.util.UUID;

import com.coastline.project.api.AppointmentChanged;
import com.coastline.project.api.AppointmentScheduled;
import com.coastline.project.appointment.Appointment;

/** Maps an appointment's state, as just saved, onto the events of project-api; the internal notes never. */
public final class AppointmentEvents {

	private AppointmentEvents() {
	}

	public static AppointmentScheduled scheduled(Appointment appointment) {
		return new AppointmentScheduled(UUID.randomUUID(), appointment.getWorkspaceId(), appointment.getId(),
				appointment.getProjectId(), appointment.getStartsAt(), appointment.getEndsAt(),
				appointment.getTimeZone(), appointment.getAssigneeName(), appointment.getVersion(),
				appointment.getUpdatedAt());
	}

	public static AppointmentChanged changed(Appointment appointment) {
		return new AppointmentChanged(UUID.randomUUID(), appointment.getWorkspaceId(), appointment.getId(),
				appointment.getProjectId(), appointment.getStartsAt(), appointment.getEndsAt(),
				appointment.getTimeZone(), appointment.getAssigneeName(), appointment.getStatus().name(),
				appointment.getVersion(), appointment.getUpdatedAt());
	}
}
