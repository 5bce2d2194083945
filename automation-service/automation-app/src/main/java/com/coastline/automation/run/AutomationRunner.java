package com.coastline.automation.run;

import java.time.Clock;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.coastline.automation.automation.Trigger;
import com.coastline.automation.directory.Directory;
import com.coastline.platform.messaging.PoisonMessageException;
import com.coastline.project.api.AppointmentScheduled;
import com.coastline.project.api.EstimateSent;
import com.coastline.project.api.InvoiceIssued;
import com.coastline.project.api.InvoiceOverdue;
import com.coastline.project.api.ProjectApproved;

import org.springframework.stereotype.Service;

/**
 * Records the runs a triggering event starts: each enabled automation of the event's workspace with that
 * trigger runs once per event ({@link RunStatus#PENDING}); the run processor carries them out. Called by the
 * idempotent consumer in its transaction, with the event's workspace as the tenant.
 */
@Service
public class AutomationRunner {

	private static final Logger log = LoggerFactory.getLogger(AutomationRunner.class);

	private final RunStarts runs;

	private final Directory directory;

	private final RunWakeUp wakeUp;

	private final MeterRegistry meters;

	private final Clock clock;

	AutomationRunner(RunStarts runs, Directory directory, RunWakeUp wakeUp, MeterRegistry meters, Clock clock) {
		this.runs = runs;
		this.directory = directory;
		this.wakeUp = wakeUp;
		this.meters = meters;
		this.clock = clock;
	}

	/**
	 * A project was approved: the event names the project and its client, which the directory learns (the
	 * client only if nothing newer is known), and the recipient is that client.
	 */
	public void projectApproved(ProjectApproved event) {
		require(event.eventId(), event.workspaceId(), event.projectId());
		ProjectApproved.PrimaryContact contact = event.primaryContact();
		if (contact == null || contact.contactId() == null) {
			throw new PoisonMessageException("ProjectApproved without its primary contact");
		}
		directory.project(new Directory.Project(event.projectId(), event.workspaceId(), event.projectName(),
				event.projectAddress(), contact.contactId()), event.version());
		directory.contactIfUnknown(new Directory.Contact(contact.contactId(), event.workspaceId(), contact.firstName(),
				contact.lastName(), contact.email(), false));
		start(Trigger.PROJECT_APPROVED, event.workspaceId(), event.eventId(), event.projectId(), contact.contactId());
	}

	public void estimateSent(EstimateSent event) {
		require(event.eventId(), event.workspaceId(), event.projectId());
		start(Trigger.ESTIMATE_SENT, event.workspaceId(), event.eventId(), event.projectId(), null);
	}

	public void invoiceIssued(InvoiceIssued event) {
		require(event.eventId(), event.workspaceId(), event.projectId());
		start(Trigger.INVOICE_ISSUED, event.workspaceId(), event.eventId(), event.projectId(), null);
	}

	public void invoiceOverdue(InvoiceOverdue event) {
		require(event.eventId(), event.workspaceId(), event.projectId());
		start(Trigger.INVOICE_OVERDUE, event.workspaceId(), event.eventId(), event.projectId(), null);
	}

	public void appointmentScheduled(AppointmentScheduled event) {
		require(event.eventId(), event.workspaceId(), event.projectId());
		start(Trigger.APPOINTMENT_SCHEDULED, event.workspaceId(), event.eventId(), event.projectId(), null);
	}

	/**
	 * @param contactId the recipient when the event names it; null for the project's primary contact when
	 * the run is carried out
	 */
	private void start(Trigger trigger, UUID workspaceId, UUID eventId, UUID projectId, UUID contactId) {
		int started = 0;
		for (UUID automationId : runs.enabledAutomations(workspaceId, trigger)) {
			if (runs.start(workspaceId, automationId, trigger, eventId, projectId, contactId, clock.instant())) {
				started++;
			}
			else {
				log.debug("Automation {} already ran for event {}", automationId, eventId);
			}
		}
		if (started > 0) {
			wakeUp.afterCommit();
		}
		meters.counter("coastline.automation.runs.started", "trigger", trigger.name()).increment(started);
	}

	/** An event without these cannot be run, now or on a retry: it goes to the dead-letter topic. */
	private static void require(UUID eventId, UUID workspaceId, UUID projectId) {
		if (eventId == null || workspaceId == null || projectId == null) {
			throw new PoisonMessageException("Trigger event without event, workspace or project id");
		}
	}
}
