package com.coastline.project.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.coastline.project.appointment.Appointment;
import com.coastline.project.appointment.AppointmentManagement;
import com.coastline.project.appointment.AppointmentStatus;
import com.coastline.project.contact.Contacts;
import com.coastline.project.estimate.ClientEstimates;
import com.coastline.project.estimate.Estimate;
import com.coastline.project.estimate.EstimateStatus;
import com.coastline.project.estimate.EstimateVersion;
import com.coastline.project.invoice.ClientInvoices;
import com.coastline.project.invoice.Invoice;
import com.coastline.project.project.ProjectAccess;
import com.coastline.project.project.ProjectStatus;
import com.coastline.project.project.ProjectTimeline;
import com.coastline.project.project.VisibleProjects;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Portal API: everything the portal's home page needs in one round trip, for the signed-in client.
 * Everything here comes through {@link ProjectAccess}.
 */
@RestController
class PortalOverviewController {

	private final ProjectAccess access;

	private final ProjectTimeline timeline;

	private final AppointmentManagement appointments;

	private final ClientEstimates estimates;

	private final ClientInvoices invoices;

	private final Contacts contacts;

	private final Clock clock;

	PortalOverviewController(ProjectAccess access, ProjectTimeline timeline, AppointmentManagement appointments,
			ClientEstimates estimates, ClientInvoices invoices, Contacts contacts, Clock clock) {
		this.access = access;
		this.contacts = contacts;
		this.timeline = timeline;
		this.appointments = appointments;
		this.estimates = estimates;
		this.invoices = invoices;
		this.clock = clock;
	}

	/**
	 * The client's projects with their status and how many client-visible changes each had after
	 * {@code since} (an ISO instant, typically the last visit; everything when missing, and never counting
	 * what the client did), the upcoming visits of all of them, the total of changes, and the estimates
	 * waiting for the client's answer, and the open invoices.
	 */
	@GetMapping("/portal/overview")
	@Transactional(readOnly = true)
	Overview overview(@RequestParam(required = false) Instant since) {
		VisibleProjects visible = this.access.visible();
		Map<UUID, Long> changes = this.timeline.clientChangesSince(visible, since);
		List<OverviewProject> overviewProjects = visible.projects()
			.stream()
			.map(project -> new OverviewProject(project.getId(), project.getName(), project.getAddress(),
					project.getStatus(), changes.getOrDefault(project.getId(), 0L)))
			.toList();
		List<OverviewAppointment> upcoming = this.appointments.upcomingForClient(visible)
			.stream()
			.map(OverviewAppointment::of)
			.toList();
		long total = changes.values().stream().mapToLong(Long::longValue).sum();
		Instant now = this.clock.instant();
		List<AwaitingEstimate> awaiting = this.estimates.sent(visible)
			.stream()
			.flatMap(estimate -> estimate.shownToClient()
				.filter(version -> version.statusAt(now) == EstimateStatus.SENT)
				.map(version -> AwaitingEstimate.of(estimate, version))
				.stream())
			.toList();
		List<OpenInvoice> open = this.invoices.open(visible)
			.stream().map(invoice -> OpenInvoice.of(invoice, now)).toList();
		Client client = this.contacts.findById(visible.contactId())
			.map(contact -> new Client(contact.getFirstName(), contact.getLastName()))
			.orElse(null);
		return new Overview(since, client, overviewProjects, upcoming, total, awaiting, open);
	}

	/**
	 * @param since the instant changes are counted from, as given (null: from the beginning)
	 * @param client the signed-in contact's name, for the greeting (null if the contact is gone)
	 * @param projects the client's projects, oldest first
	 * @param upcomingAppointments open visits not over yet, of all the client's projects, soonest first
	 * @param changesSince client-visible timeline entries of all the projects after {@code since}
	 * @param estimatesAwaitingApproval estimates sent to the client and not answered (nor expired) yet,
	 * oldest first
	 * @param openInvoices issued invoices not paid yet, of all the client's projects, oldest first
	 */
	record Overview(Instant since, Client client, List<OverviewProject> projects, List<OverviewAppointment> upcomingAppointments,
			long changesSince, List<AwaitingEstimate> estimatesAwaitingApproval, List<OpenInvoice> openInvoices) {
	}

	/**
	 * The signed-in contact, as the home page greets them.
	 *
	 * @param firstName their first name
	 * @param lastName their last name (may be null)
	 */
	record Client(String firstName, String lastName) {
	}

	/**
	 * An open invoice, as much as the home page shows.
	 *
	 * @param id the invoice
	 * @param projectId its project
	 * @param title its title
	 * @param currency ISO 4217 code
	 * @param totalMinor its total in minor units
	 * @param balanceDueMinor what is left to pay
	 * @param dueDate the last day to pay it
	 * @param overdue whether the due date has passed
	 */
	record OpenInvoice(UUID id, UUID projectId, String title, String currency, long totalMinor, long balanceDueMinor,
			LocalDate dueDate, boolean overdue) {

		static OpenInvoice of(Invoice invoice, Instant now) {
			return new OpenInvoice(invoice.getId(), invoice.getProjectId(), invoice.getTitle(), invoice.getCurrency(),
					invoice.getTotalMinor(), invoice.balanceDueMinor(), invoice.getDueDate(), invoice.isOverdueAt(now));
		}
	}

	/**
	 * An estimate waiting for the client's answer, as much as the home page shows.
	 *
	 * @param id the estimate
	 * @param projectId its project
	 * @param versionNumber the version the client answers
	 * @param title its title
	 * @param totalMinor its total in minor units of {@code currency}
	 * @param currency ISO 4217 code
	 * @param validUntil the last day it can be approved, or null
	 * @param sentAt when it was sent
	 */
	record AwaitingEstimate(UUID id, UUID projectId, int versionNumber, String title, long totalMinor, String currency,
			LocalDate validUntil, Instant sentAt) {

		static AwaitingEstimate of(Estimate estimate, EstimateVersion version) {
			return new AwaitingEstimate(estimate.getId(), estimate.getProjectId(), version.getNumber(),
					version.getTitle(), version.getTotalMinor(), estimate.getCurrency(), version.getValidUntil(),
					version.getSentAt());
		}
	}

	/**
	 * @param id the project
	 * @param name its name
	 * @param address its site address, or null
	 * @param status its status
	 * @param changesSince its client-visible timeline entries after {@code since}
	 */
	record OverviewProject(UUID id, String name, String address, ProjectStatus status, long changesSince) {
	}

	/**
	 * A visit, without the internal notes.
	 *
	 * @param id the appointment
	 * @param projectId its project
	 * @param startsAt start of the window
	 * @param endsAt end of the window
	 * @param timeZone the IANA time zone to show it in
	 * @param assigneeName who is coming, or null
	 * @param status SCHEDULED or RESCHEDULED
	 */
	record OverviewAppointment(UUID id, UUID projectId, Instant startsAt, Instant endsAt, String timeZone,
			String assigneeName, AppointmentStatus status) {

		static OverviewAppointment of(Appointment appointment) {
			return new OverviewAppointment(appointment.getId(), appointment.getProjectId(), appointment.getStartsAt(),
					appointment.getEndsAt(), appointment.getTimeZone(), appointment.getAssigneeName(),
					appointment.getStatus());
		}
	}
}
