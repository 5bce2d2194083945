package com.coastline.automation.run.messaging;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import com.coastline.automation.directory.DirectoryUpdates;
import com.coastline.automation.run.AutomationRunner;
import com.coastline.automation.run.RunOutcomes;
import com.coastline.identity.api.IdentityTopics;
import com.coastline.identity.api.WorkspaceCreated;
import com.coastline.notification.api.EmailFailed;
import com.coastline.notification.api.EmailSent;
import com.coastline.notification.api.NotificationTopics;
import com.coastline.notification.api.SendEmail;
import com.coastline.platform.messaging.ConsumerScope;
import com.coastline.platform.messaging.EventRoute;
import com.coastline.platform.messaging.IdempotentConsumers;
import com.coastline.platform.messaging.PoisonMessageException;
import com.coastline.platform.web.tenant.TenantScope;
import com.coastline.portal.api.PortalProfileChanged;
import com.coastline.portal.api.PortalTopics;
import com.coastline.project.api.AppointmentScheduled;
import com.coastline.project.api.ContactArchived;
import com.coastline.project.api.ContactUpserted;
import com.coastline.project.api.EstimateSent;
import com.coastline.project.api.InvoiceIssued;
import com.coastline.project.api.InvoiceOverdue;
import com.coastline.project.api.ProjectApproved;
import com.coastline.project.api.ProjectTopics;
import com.coastline.project.api.ProjectUpserted;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * How runs meet Kafka: trigger events from {@code project.events} start them (projects and contacts, and
 * workspaces from {@code identity.events}, feed the directory), their
 * {@code SendEmail} commands leave through the outbox to {@code notification.commands}, and
 * {@code EmailSent}/{@code EmailFailed} from {@code notification.events} finish them. The topics
 * belong to project- and notification-service, which declare them.
 */
@Configuration(proxyBeanMethods = false)
class RunMessaging {

	static final String GROUP = "automation-service";

	/** Keyed by idempotency key like every SendEmail, so all deliveries of one email stay in order. */
	@Bean
	EventRoute<SendEmail> sendEmailRoute() {
		return EventRoute.of(SendEmail.class)
			.topic(NotificationTopics.COMMANDS)
			.type(NotificationTopics.SEND_EMAIL)
			.id(SendEmail::commandId)
			.key(SendEmail::idempotencyKey)
			.time(SendEmail::requestedAt)
			.build();
	}

	/**
	 * {@code project.events}: the trigger events start runs; projects and contacts feed the directory the
	 * runs read. Other types on the topic are ignored.
	 */
	@Bean
	Consumer<Message<byte[]>> projectEvents(IdempotentConsumers consumers, AutomationRunner runner,
			DirectoryUpdates directory) {
		return consumers.dispatch(GROUP)
			.within(inWorkspaceOf(RunMessaging::projectEventWorkspace))
			.on(ProjectTopics.PROJECT_APPROVED, ProjectApproved.class, runner::projectApproved)
			.on(ProjectTopics.ESTIMATE_SENT, EstimateSent.class, runner::estimateSent)
			.on(ProjectTopics.INVOICE_ISSUED, InvoiceIssued.class, runner::invoiceIssued)
			.on(ProjectTopics.INVOICE_OVERDUE, InvoiceOverdue.class, runner::invoiceOverdue)
			.on(ProjectTopics.APPOINTMENT_SCHEDULED, AppointmentScheduled.class, runner::appointmentScheduled)
			.on(ProjectTopics.PROJECT_UPSERTED, ProjectUpserted.class, directory::projectUpserted)
			.on(ProjectTopics.CONTACT_UPSERTED, ContactUpserted.class, directory::contactUpserted)
			.on(ProjectTopics.CONTACT_ARCHIVED, ContactArchived.class, directory::contactArchived)
			.build();
	}

	/** {@code identity.events}: a new workspace's name (the contractor's name in emails). */
	@Bean
	Consumer<Message<byte[]>> identityEvents(IdempotentConsumers consumers, DirectoryUpdates directory) {
		return consumers.dispatch(GROUP)
			.within(inWorkspaceOf(event -> ((WorkspaceCreated) event).workspaceId()))
			.on(IdentityTopics.WORKSPACE_CREATED, WorkspaceCreated.class, directory::workspaceCreated)
			.build();
	}

	/** {@code portal.events}: the contractor's display name and phone as the portal shows them. */
	@Bean
	Consumer<Message<byte[]>> portalEvents(IdempotentConsumers consumers, DirectoryUpdates directory) {
		return consumers.dispatch(GROUP)
			.within(inWorkspaceOf(event -> ((PortalProfileChanged) event).workspaceId()))
			.on(PortalTopics.PORTAL_PROFILE_CHANGED, PortalProfileChanged.class, directory::portalProfileChanged)
			.build();
	}

	private static UUID projectEventWorkspace(Object event) {
		return switch (event) {
			case ProjectApproved e -> e.workspaceId();
			case EstimateSent e -> e.workspaceId();
			case InvoiceIssued e -> e.workspaceId();
			case InvoiceOverdue e -> e.workspaceId();
			case AppointmentScheduled e -> e.workspaceId();
			case ProjectUpserted e -> e.workspaceId();
			case ContactUpserted e -> e.workspaceId();
			case ContactArchived e -> e.workspaceId();
			default -> null;
		};
	}

	@Bean
	Consumer<Message<byte[]>> notificationEvents(IdempotentConsumers consumers, RunOutcomes outcomes) {
		return consumers.dispatch(GROUP)
			.within(inWorkspaceOf(event -> event instanceof EmailSent sent ? sent.workspaceId()
					: ((EmailFailed) event).workspaceId()))
			.on(NotificationTopics.EMAIL_SENT, EmailSent.class, outcomes::emailSent)
			.on(NotificationTopics.EMAIL_FAILED, EmailFailed.class, outcomes::emailFailed)
			.build();
	}

	/**
	 * The consumer's transaction runs with the event's workspace as the tenant (set before the
	 * transaction opens, when Hibernate fixes it); an event without one is poison.
	 */
	private static ConsumerScope inWorkspaceOf(Function<Object, UUID> workspace) {
		return (event, work) -> {
			UUID workspaceId = workspace.apply(event);
			if (workspaceId == null) {
				throw new PoisonMessageException("Event without a workspace");
			}
			TenantScope.runAs(workspaceId, work);
		};
	}
}
