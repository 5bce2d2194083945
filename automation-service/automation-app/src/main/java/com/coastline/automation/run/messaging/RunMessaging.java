package com.coastline.automation.run.messaging;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import com.coastline.automation.run.AutomationRunner;
import com.coastline.automation.run.RunOutcomes;
import com.coastline.notification.api.EmailFailed;
import com.coastline.notification.api.EmailSent;
import com.coastline.notification.api.NotificationTopics;
import com.coastline.notification.api.SendEmail;
import com.coastline.platform.messaging.ConsumerScope;
import com.coastline.platform.messaging.EventRoute;
import com.coastline.platform.messaging.IdempotentConsumers;
import com.coastline.platform.messaging.PoisonMessageException;
import com.coastline.platform.web.tenant.TenantScope;
import com.coastline.project.api.ProjectApproved;
import com.coastline.project.api.ProjectTopics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * How runs meet Kafka: {@code ProjectApproved} from {@code project.events} starts them, their
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

	@Bean
	Consumer<Message<byte[]>> projectEvents(IdempotentConsumers consumers, AutomationRunner runner) {
		return consumers.dispatch(GROUP)
			.within(inWorkspaceOf(event -> ((ProjectApproved) event).workspaceId()))
			.on(ProjectTopics.PROJECT_APPROVED, ProjectApproved.class, runner::projectApproved)
			.build();
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
