package com.coastline.project.project.messaging;

import java.util.function.Consumer;

import com.coastline.identity.api.ClientSignedIn;
import com.coastline.identity.api.IdentityTopics;
import com.coastline.platform.messaging.IdempotentConsumers;
import com.coastline.platform.messaging.PoisonMessageException;
import com.coastline.platform.web.tenant.TenantScope;
import com.coastline.project.project.ClientActivity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Client activity consumed from {@code identity.events} (group {@code project-service}): each sign-in
 * lands on the timelines of the contact's projects, once per {@code ce_id}, handled in the event's
 * workspace. Other identity events are ignored.
 */
@Configuration(proxyBeanMethods = false)
class IdentityEventConsumers {

	static final String GROUP = "project-service";

	@Bean
	Consumer<Message<byte[]>> identityEvents(IdempotentConsumers consumers, ClientActivity activity) {
		return consumers.dispatch(GROUP)
			.within((event, work) -> TenantScope.runAs(valid((ClientSignedIn) event).workspaceId(), work))
			.on(IdentityTopics.CLIENT_SIGNED_IN, ClientSignedIn.class,
					event -> activity.signedIn(event.contactId(), event.method(), event.signedInAt()))
			.build();
	}

	/** An event without its workspace, contact or time can never be handled: poison, to the DLQ at once. */
	private static ClientSignedIn valid(ClientSignedIn event) {
		if (event.workspaceId() == null || event.contactId() == null || event.signedInAt() == null) {
			throw new PoisonMessageException("ClientSignedIn without workspace, contact or time");
		}
		return event;
	}
}
