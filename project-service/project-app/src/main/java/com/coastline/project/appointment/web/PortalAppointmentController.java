package com.coastline.project.appointment.web;

import java.util.List;
import java.util.UUID;

import com.coastline.project.appointment.AppointmentManagement;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Portal API: the visits of a project the signed-in client may see (never the internal notes). */
@RestController
class PortalAppointmentController {

	private final AppointmentManagement appointments;

	PortalAppointmentController(AppointmentManagement appointments) {
		this.appointments = appointments;
	}

	/**
	 * Upcoming visits (open and not over, soonest first) and past ones (over, cancelled or completed, latest
	 * first); 404 for a project the client may not see.
	 */
	@GetMapping("/portal/projects/{projectId}/appointments")
	PortalVisitsResponse visits(@PathVariable UUID projectId) {
		AppointmentManagement.PortalVisits visits = this.appointments.visitsForClient(projectId);
		return new PortalVisitsResponse(visits.upcoming().stream().map(PortalAppointmentResponse::of).toList(),
				visits.past().stream().map(PortalAppointmentResponse::of).toList());
	}

	/**
	 * @param upcoming open and not over, soonest first
	 * @param past over, cancelled or completed, latest first
	 */
	record PortalVisitsResponse(List<PortalAppointmentResponse> upcoming, List<PortalAppointmentResponse> past) {
	}
}
