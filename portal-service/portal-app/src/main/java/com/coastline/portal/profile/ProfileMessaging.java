package com.coastline.portal.profile;

import java.util.function.Consumer;

import com.coastline.identity.api.IdentityTopics;
import com.coastline.identity.api.WorkspaceCreated;
import com.coastline.platform.messaging.EventRoute;
import com.coastline.platform.messaging.IdempotentConsumers;
import com.coastline.platform.messaging.PoisonMessageException;
import com.coastline.platform.web.tenant.TenantScope;
import com.coastline.portal.api.PortalActivated;
import com.coastline.portal.api.PortalDeactivated;
import com.coastline.portal.api.PortalProfileChanged;
import com.coastline.portal.api.PortalTopics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Portal events leave through the outbox on {@code portal.events}, keyed by workspace id (ordered per
 * workspace). Workspace names arrive from {@code identity.events} (group {@code portal-service}), once per
 * {@code ce_id}, each in its workspace's tenant scope; other identity events are ignored.
 */
@Configuration(proxyBeanMethods = false)
class ProfileMessaging {

	static final String GROUP = "portal-service";

	@Bean
	EventRoute<PortalActivated> portalActivatedRoute() {
		return EventRoute.of(PortalActivated.class)
			.topic(PortalTopics.EVENTS)
			.type(PortalTopics.PORTAL_ACTIVATED)
			.id(PortalActivated::eventId)
			.key((event) -> event.workspaceId().toString())
			.subject((event) -> event.workspaceId().toString())
			.time(PortalActivated::activatedAt)
			.build();
	}

	@Bean
	EventRoute<PortalDeactivated> portalDeactivatedRoute() {
		return EventRoute.of(PortalDeactivated.class)
			.topic(PortalTopics.EVENTS)
			.type(PortalTopics.PORTAL_DEACTIVATED)
			.id(PortalDeactivated::eventId)
			.key((event) -> event.workspaceId().toString())
			.subject((event) -> event.workspaceId().toString())
			.time(PortalDeactivated::deactivatedAt)
			.build();
	}

	@Bean
	EventRoute<PortalProfileChanged> portalProfileChangedRoute() {
		return EventRoute.of(PortalProfileChanged.class)
			.topic(PortalTopics.EVENTS)
			.type(PortalTopics.PORTAL_PROFILE_CHANGED)
			.id(PortalProfileChanged::eventId)
			.key((event) -> event.workspaceId().toString())
			.subject((event) -> event.workspaceId().toString())
			.time(PortalProfileChanged::changedAt)
			.build();
	}

	@Bean
	Consumer<Message<byte[]>> identityEvents(IdempotentConsumers consumers, ProfileManagement profiles) {
		return consumers.dispatch(GROUP)
			.within((event, work) -> TenantScope.runAs(valid((WorkspaceCreated) event).workspaceId(), work))
			.on(IdentityTopics.WORKSPACE_CREATED, WorkspaceCreated.class, profiles::workspaceCreated)
			.build();
	}

	/** An event without its workspace can never be handled: poison, to the DLQ at once. */
	private static WorkspaceCreated valid(WorkspaceCreated event) {
		if (event.workspaceId() == null) {
			throw new PoisonMessageException("WorkspaceCreated without a workspace");
		}
		return event;
	}
}
