package com.coastline.project.appointment.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import com.coastline.project.appointment.Appointment;
import com.coastline.project.appointment.AppointmentManagement;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Back-office API for the visits of the caller's workspace's projects. Scheduling publishes
 * {@code AppointmentScheduled}, every later change {@code AppointmentChanged}; both are recorded on the
 * project's timeline (except changes of the internal notes). A cancelled or completed visit answers 409
 * with its {@code currentState} to every change.
 */
@RestController
class AppointmentController {

	private final AppointmentManagement appointments;

	AppointmentController(AppointmentManagement appointments) {
		this.appointments = appointments;
	}

	/**
	 * Schedules a visit: 201 with its {@code Location}; 404 for an unknown project; 409 if the project is
	 * completed or cancelled; 400 naming the field for a missing or reversed window or an unknown time zone.
	 */
	@PostMapping("/api/projects/{projectId}/appointments")
	ResponseEntity<AppointmentResponse> schedule(@PathVariable UUID projectId,
			@Valid @RequestBody AppointmentRequest request) {
		Appointment appointment = this.appointments.schedule(projectId, request.window(), request.assigneeName(),
				request.notes());
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/appointments/{id}")
			.buildAndExpand(appointment.getId())
			.toUri();
		return ResponseEntity.created(location).body(AppointmentResponse.of(appointment));
	}

	/** The project's visits, earliest first; 404 for an unknown project. */
	@GetMapping("/api/projects/{projectId}/appointments")
	List<AppointmentResponse> ofProject(@PathVariable UUID projectId) {
		return this.appointments.ofProject(projectId).stream().map(AppointmentResponse::of).toList();
	}

	/** The visit; 404 if it is not one of this workspace's. */
	@GetMapping("/api/appointments/{id}")
	AppointmentResponse find(@PathVariable UUID id) {
		return AppointmentResponse.of(this.appointments.find(id));
	}

	/** Replaces who is coming and the internal notes. */
	@PutMapping("/api/appointments/{id}")
	AppointmentResponse changeDetails(@PathVariable UUID id, @Valid @RequestBody AppointmentDetailsRequest request) {
		return AppointmentResponse.of(this.appointments.changeDetails(id, request.assigneeName(), request.notes()));
	}

	/** A new window: the visit is then RESCHEDULED (the same window changes nothing). */
	@PostMapping("/api/appointments/{id}/reschedule")
	AppointmentResponse reschedule(@PathVariable UUID id, @Valid @RequestBody RescheduleRequest request) {
		return AppointmentResponse.of(this.appointments.reschedule(id, request.startsAt(), request.endsAt(),
				(request.timeZone() != null && !request.timeZone().isEmpty()) ? request.timeZone() : null));
	}

	/** SCHEDULED or RESCHEDULED → CANCELLED. */
	@PostMapping("/api/appointments/{id}/cancel")
	AppointmentResponse cancel(@PathVariable UUID id) {
		return AppointmentResponse.of(this.appointments.cancel(id));
	}

	/** SCHEDULED or RESCHEDULED → COMPLETED. */
	@PostMapping("/api/appointments/{id}/complete")
	AppointmentResponse complete(@PathVariable UUID id) {
		return AppointmentResponse.of(this.appointments.complete(id));
	}
}
