package com.coastline.identity.config;

import java.time.Duration;

import com.coastline.identity.api.IdentityTopics;
import com.coastline.identity.api.WorkspaceCreated;
import com.coastline.platform.messaging.EventRoute;
import com.coastline.platform.messaging.Topics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What identity-service publishes, and the topic it owns. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

	/**
	 * Kept for 30 days: {@code WorkspaceCreated} seeds other services' projections of the tenant
	 * registry, so a consumer deployed or restored within a month still sees every recent workspace.
	 */
	@Bean
	NewTopic identityEvents() {
		return Topics.declare(IdentityTopics.EVENTS, Duration.ofDays(30));
	}

	@Bean
	EventRoute<WorkspaceCreated> workspaceCreatedRoute() {
		return EventRoute.of(WorkspaceCreated.class)
			.topic(IdentityTopics.EVENTS)
			.type(IdentityTopics.WORKSPACE_CREATED)
			.id(WorkspaceCreated::eventId)
			.key(event -> event.workspaceId().toString())
			.time(WorkspaceCreated::createdAt)
			.build();
	}
}
