package com.coastline.automation.run;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.coastline.automation.automation.Action;
import com.coastline.automation.automation.Automation;
import com.coastline.automation.automation.Automations;
import com.coastline.automation.automation.Trigger;
import com.coastline.notification.api.EmailKind;
import com.coastline.notification.api.SendEmail;
import com.coastline.platform.messaging.PoisonMessageException;
import com.coastline.project.api.ProjectApproved;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Starts the runs of the automations a triggering event concerns: each enabled automation of the
 * event's workspace runs once per event, and its email is requested from notification-service through
 * the outbox, in the same transaction as the run.
 */
@Service
public class AutomationRunner {

	private static final Logger log = LoggerFactory.getLogger(AutomationRunner.class);

	private final Automations automations;

	private final AutomationRuns runs;

	private final ApplicationEventPublisher events;

	private final MeterRegistry meters;

	private final Clock clock;

	AutomationRunner(Automations automations, AutomationRuns runs, ApplicationEventPublisher events,
			MeterRegistry meters, Clock clock) {
		this.automations = automations;
		this.runs = runs;
		this.events = events;
		this.meters = meters;
		this.clock = clock;
	}

	/**
	 * Runs every enabled <em>Project approved</em> automation of the project's workspace, once. Called by
	 * the idempotent consumer in its transaction, with the event's workspace as the tenant.
	 */
	public void projectApproved(ProjectApproved event) {
		requireComplete(event);
		int started = 0;
		{
			for (Automation automation : automations
				.findByTriggerAndEnabledTrueOrderByCreatedAtAscIdAsc(Trigger.PROJECT_APPROVED)) {
				if (runs.existsByTriggerEventIdAndAutomationId(event.eventId(), automation.id())) {
					log.debug("Automation {} already ran for event {}", automation.id(), event.eventId());
					continue;
				}
				ProjectApproved.PrimaryContact contact = event.primaryContact();
				AutomationRun run = runs.save(AutomationRun.start(automation, event.eventId(), event.projectId(),
						contact.contactId(), clock));
				events.publishEvent(email(run, automation.emailAction(), event));
				started++;
			}
		}
		meters.counter("coastline.automation.runs.started", "trigger", Trigger.PROJECT_APPROVED.name())
			.increment(started);
	}

	private SendEmail email(AutomationRun run, Action action, ProjectApproved event) {
		ProjectApproved.PrimaryContact contact = event.primaryContact();
		return new SendEmail(UUID.randomUUID(), run.emailIdempotencyKey(), event.workspaceId(),
				new SendEmail.Recipient(contact.email(), fullName(contact)), EmailKind.AUTOMATION, action.subject(),
				action.body(), EmailContent.html(action.body()), List.of(),
				new SendEmail.Correlation(run.id(), run.projectId(), run.contactId()), clock.instant());
	}

	private static String fullName(ProjectApproved.PrimaryContact contact) {
		String name = (nullToEmpty(contact.firstName()) + " " + nullToEmpty(contact.lastName())).strip();
		return name.isEmpty() ? null : name;
	}

	private static String nullToEmpty(String text) {
		return text == null ? "" : text;
	}

	/** An event without these cannot be run, now or on a retry: it goes to the dead-letter topic. */
	private static void requireComplete(ProjectApproved event) {
		if (event.eventId() == null || event.workspaceId() == null || event.projectId() == null
				|| event.primaryContact() == null || event.primaryContact().contactId() == null
				|| event.primaryContact().email() == null || event.primaryContact().email().isBlank()) {
			throw new PoisonMessageException("ProjectApproved without event, workspace, project or contact");
		}
	}
}
