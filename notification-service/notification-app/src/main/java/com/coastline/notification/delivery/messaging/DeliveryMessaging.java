package com.coastline.notification.delivery.messaging;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

import com.coastline.notification.api.EmailFailed;
import com.coastline.notification.api.EmailSent;
import com.coastline.notification.api.NotificationTopics;
import com.coastline.notification.api.SendEmail;
import com.coastline.notification.delivery.EmailRequests;
import com.coastline.notification.delivery.WorkspaceBrandings;
import com.coastline.platform.messaging.EventRoute;
import com.coastline.platform.messaging.IdempotentConsumers;
import com.coastline.platform.messaging.PoisonMessageException;
import com.coastline.platform.messaging.Topics;
import com.coastline.platform.web.tenant.Tenant;
import com.coastline.platform.web.tenant.TenantScope;
import com.coastline.portal.api.PortalProfileChanged;
import com.coastline.portal.api.PortalTopics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The topics notification-service owns, how its events leave through the outbox, the consumer of
 * {@link SendEmail} commands, and the consumer of portal-service's {@link PortalProfileChanged} (the
 * workspaces' email branding).
 */
@Configuration(proxyBeanMethods = false)
public class DeliveryMessaging {

	/** The consumer group, also the binding's {@code group}. */
	public static final String GROUP = "notification-service";

	/** Commands may reference secrets (SECURITY.md): kept a few days only, enough to ride out a weekend outage. */
	private static final Duration COMMAND_RETENTION = Duration.ofDays(3);

	private static final Duration EVENT_RETENTION = Duration.ofDays(7);

	@Bean
	NewTopic notificationCommandsTopic() {
		return Topics.declare(NotificationTopics.COMMANDS, COMMAND_RETENTION);
	}

	@Bean
	NewTopic notificationEventsTopic() {
		return Topics.declare(NotificationTopics.EVENTS, EVENT_RETENTION);
	}

	@Bean
	EventRoute<EmailSent> emailSentRoute() {
		return EventRoute.of(EmailSent.class)
			.topic(NotificationTopics.EVENTS)
			.type(NotificationTopics.EMAIL_SENT)
			.id(EmailSent::eventId)
			.key(EmailSent::idempotencyKey)
			.time(EmailSent::sentAt)
			.build();
	}

	@Bean
	EventRoute<EmailFailed> emailFailedRoute() {
		return EventRoute.of(EmailFailed.class)
			.topic(NotificationTopics.EVENTS)
			.type(NotificationTopics.EMAIL_FAILED)
			.id(EmailFailed::eventId)
			.key(EmailFailed::idempotencyKey)
			.time(EmailFailed::failedAt)
			.build();
	}

	/**
	 * {@code SendEmail} commands, once per {@code ce_id}, each in its workspace's tenant scope, opened
	 * before the consumer's transaction (Hibernate fixes a session's tenant when the transaction opens it).
	 * A command without a usable workspace runs unscoped, and its checks reject it as poison before
	 * anything is read or written.
	 */
	@Bean
	Consumer<Message<byte[]>> notificationCommands(IdempotentConsumers consumers, EmailRequests requests) {
		return consumers.dispatch(GROUP)
			.within((command, work) -> {
				UUID workspace = ((SendEmail) command).workspaceId();
				if (workspace == null || Tenant.NO_WORKSPACE.equals(workspace) || Tenant.ROOT.equals(workspace)) {
					work.run();
				}
				else {
					TenantScope.runAs(workspace, work);
				}
			})
			.on(NotificationTopics.SEND_EMAIL, SendEmail.class, requests::request)
			.build();
	}

	/**
	 * {@code portal.events}: {@code PortalProfileChanged} into {@link WorkspaceBrandings}, once per
	 * {@code ce_id}, each in its workspace's tenant scope like the commands. The other portal events are
	 * acknowledged and ignored. An event without a usable workspace is poison.
	 */
	@Bean
	Consumer<Message<byte[]>> portalEvents(IdempotentConsumers consumers, WorkspaceBrandings brandings) {
		return consumers.dispatch(GROUP)
			.within((event, work) -> {
				UUID workspace = ((PortalProfileChanged) event).workspaceId();
				if (workspace == null || Tenant.NO_WORKSPACE.equals(workspace) || Tenant.ROOT.equals(workspace)) {
					throw new PoisonMessageException("PortalProfileChanged without a workspace");
				}
				TenantScope.runAs(workspace, work);
			})
			.on(PortalTopics.PORTAL_PROFILE_CHANGED, PortalProfileChanged.class, brandings::portalProfileChanged)
			.build();
	}
}
