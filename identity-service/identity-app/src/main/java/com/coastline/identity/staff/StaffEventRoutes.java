package com.coastline.identity.staff;

import com.coastline.identity.api.IdentityTopics;
import com.coastline.identity.api.StaffInvited;
import com.coastline.platform.messaging.EventRoute;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Staff events leave through the outbox on {@code identity.events}, keyed by workspace id like the rest. */
@Configuration(proxyBeanMethods = false)
class StaffEventRoutes {

	@Bean
	EventRoute<StaffInvited> staffInvitedRoute() {
		return EventRoute.of(StaffInvited.class)
			.topic(IdentityTopics.EVENTS)
			.type(StaffInvited.TYPE)
			.id(StaffInvited::eventId)
			.key(event -> event.workspaceId().toString())
			.subject(event -> event.staffId().toString())
			.time(StaffInvited::invitedAt)
			.build();
	}
}
