package com.coastline.project.appointment;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import com.coastline.platform.web.problem.NotFoundException;
import com.coastline.project.api.ProjectUpserted;
import com.coastline.project.appointment.messaging.AppointmentEvents;
import com.coastline.project.project.ActivityKind;
import com.coastline.project.project.Project;
import com.coastline.project.project.ProjectAccess;
import com.coastline.project.project.ProjectManagement;
import com.coastline.project.project.ProjectStatus;
import com.coastline.project.project.ProjectTimeline;
import com.coastline.project.project.ProjectTransitionNotAllowed;
import com.coastline.project.project.VisibleProjects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases on appointments. Every change is flushed before its event is published (so that it
 * carries the new version), and recorded with its timeline entry in the same transaction (outbox).
 * Portal reads go through {@link ProjectAccess}.
 */
@Service
@Transactional
public class AppointmentManagement {

	private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm",
			Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private final Appointments appointments;

	private final ProjectManagement projects;

	private final ProjectAccess access;

	private final ProjectTimeline timeline;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AppointmentManagement(Appointments appointments, ProjectManagement projects, ProjectAccess access,
			ProjectTimeline timeline, ApplicationEventPublisher events, Clock clock) {
		this.appointments = appointments;
		this.projects = projects;
		this.access = access;
		this.timeline = timeline;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Schedules a visit of a project of this workspace.
	 * @throws NotFoundException for another workspace's or an unknown project
	 * @throws ProjectTransitionNotAllowed when the project is completed or cancelled
	 */
	public Appointment schedule(UUID projectId, AppointmentWindow window, String assigneeName, String notes) {
		Project project = this.projects.find(projectId);
		if (project.getStatus().isClosed()) {
			throw new ProjectTransitionNotAllowed(projectId, project.getStatus(), "get new visits");
		}
		Appointment appointment = this.appointments
			.saveAndFlush(Appointment.schedule(projectId, window, assigneeName, notes, now()));
		this.events.publishEvent(AppointmentEvents.scheduled(appointment));
		record(appointment, ActivityKind.APPOINTMENT_SCHEDULED, "Visit scheduled for " + describe(appointment));
		return appointment;
	}

	/**
	 * A new window, in the given time zone or, when that is null, the visit's current one; the same window
	 * changes nothing.
	 * @throws IllegalArgumentException unless the window ends after it starts, in an IANA time zone
	 */
	public Appointment reschedule(UUID id, Instant startsAt, Instant endsAt, String timeZone) {
		Appointment appointment = lock(id);
		AppointmentWindow window = new AppointmentWindow(startsAt, endsAt,
				(timeZone != null) ? timeZone : appointment.getTimeZone());
		if (appointment.reschedule(window, now())) {
			changed(appointment, ActivityKind.APPOINTMENT_CHANGED, "Visit moved to " + describe(appointment));
		}
		return appointment;
	}

	/** Who is coming and the internal notes; unchanged details change nothing. */
	public Appointment changeDetails(UUID id, String assigneeName, String notes) {
		Appointment appointment = lock(id);
		String assigneeBefore = appointment.getAssigneeName();
		if (appointment.changeDetails(assigneeName, notes, now())) {
			if (Objects.equals(assigneeBefore, appointment.getAssigneeName())) {
				// Only the internal notes changed: nothing the client or other services see.
				this.appointments.flush();
				this.events.publishEvent(AppointmentEvents.changed(appointment));
			}
			else {
				changed(appointment, ActivityKind.APPOINTMENT_CHANGED, "Visit of " + when(appointment)
						+ ((appointment.getAssigneeName() != null) ? " now with " + appointment.getAssigneeName()
								: ": nobody assigned yet"));
			}
		}
		return appointment;
	}

	public Appointment cancel(UUID id) {
		Appointment appointment = lock(id);
		appointment.cancel(now());
		changed(appointment, ActivityKind.APPOINTMENT_CANCELLED, "Visit of " + when(appointment) + " cancelled");
		return appointment;
	}

	public Appointment complete(UUID id) {
		Appointment appointment = lock(id);
		appointment.complete(now());
		changed(appointment, ActivityKind.APPOINTMENT_COMPLETED, "Visit of " + when(appointment) + " completed");
		return appointment;
	}

	/**
	 * A cancelled project's open visits are cancelled with it, in the same transaction (the project's
	 * change publishes {@code ProjectUpserted} synchronously, before it commits), so that no client waits
	 * for a visit that will not happen.
	 */
	@EventListener
	void projectChanged(ProjectUpserted project) {
		if (!ProjectStatus.CANCELLED.name().equals(project.status())) {
			return;
		}
		for (Appointment visit : this.appointments.findByProjectIdOrderByStartsAtAscIdAsc(project.projectId())) {
			if (visit.getStatus().isOpen()) {
				Appointment locked = lock(visit.getId());
				locked.cancel(now());
				changed(locked, ActivityKind.APPOINTMENT_CANCELLED,
						"Visit of " + when(locked) + " cancelled with the project");
			}
		}
	}

	@Transactional(readOnly = true)
	public Appointment find(UUID id) {
		return this.appointments.findById(id).orElseThrow(() -> notFound(id));
	}

	/** A project's visits, earliest first; 404 for another workspace's or an unknown project. */
	@Transactional(readOnly = true)
	public List<Appointment> ofProject(UUID projectId) {
		this.projects.find(projectId);
		return this.appointments.findByProjectIdOrderByStartsAtAscIdAsc(projectId);
	}

	/**
	 * For the portal: the visits of a project the current client may see, split into upcoming (open and
	 * not over, soonest first) and past (over, cancelled or completed; latest first).
	 * @throws NotFoundException when the client may not see the project
	 */
	@Transactional(readOnly = true)
	public PortalVisits visitsForClient(UUID projectId) {
		this.access.requireVisible(projectId);
		Instant now = this.clock.instant();
		List<Appointment> all = this.appointments.findByProjectIdOrderByStartsAtAscIdAsc(projectId);
		List<Appointment> upcoming = all.stream().filter(a -> a.isUpcoming(now)).toList();
		List<Appointment> past = all.stream()
			.filter(a -> !a.isUpcoming(now))
			.sorted(Comparator.comparing(Appointment::getStartsAt).reversed())
			.toList();
		return new PortalVisits(upcoming, past);
	}

	/** For the portal: the upcoming visits of the projects the current client may see, soonest first. */
	@Transactional(readOnly = true)
	public List<Appointment> upcomingForClient(VisibleProjects visible) {
		return visible.isEmpty() ? List.of()
				: this.appointments.findUpcoming(visible.workspaceId(), visible.ids(), this.clock.instant());
	}

	/**
	 * A project's visits as a client sees them.
	 * @param upcoming open and not over, soonest first
	 * @param past over, cancelled or completed, latest first
	 */
	public record PortalVisits(List<Appointment> upcoming, List<Appointment> past) {
	}

	private void changed(Appointment appointment, ActivityKind kind, String summary) {
		this.appointments.flush();
		this.events.publishEvent(AppointmentEvents.changed(appointment));
		record(appointment, kind, summary);
	}

	private void record(Appointment appointment, ActivityKind kind, String summary) {
		this.timeline.record(appointment.getProjectId(), kind, this.timeline.currentActor(), summary,
				appointment.getId());
	}

	/** "Tue 1 Dec 2026, 09:00–11:00 (America/Denver) with Sam Ortiz". */
	private static String describe(Appointment appointment) {
		return when(appointment)
				+ ((appointment.getAssigneeName() != null) ? " with " + appointment.getAssigneeName() : "");
	}

	/** "Tue 1 Dec 2026, 09:00–11:00 (America/Denver)", in the visit's own time zone. */
	private static String when(Appointment appointment) {
		AppointmentWindow window = appointment.window();
		var start = window.startsAt().atZone(window.zone());
		var end = window.endsAt().atZone(window.zone());
		String until = start.toLocalDate().equals(end.toLocalDate()) ? TIME.format(end) : DAY_AND_TIME.format(end);
		return DAY_AND_TIME.format(start) + "–" + until + " (" + window.timeZone() + ")";
	}

	private Appointment lock(UUID id) {
		return this.appointments.lockById(id).orElseThrow(() -> notFound(id));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static NotFoundException notFound(UUID id) {
		return new NotFoundException("Appointment", id);
	}
}
