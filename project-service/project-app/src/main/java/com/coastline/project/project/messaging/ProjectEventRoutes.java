package com.coastline.project.project.messaging;

import com.coastline.platform.messaging.EventRoute;
import com.coastline.project.api.ProjectApproved;
import com.coastline.project.api.ProjectTopics;
import com.coastline.project.api.ProjectUpserted;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Project events leave through the outbox on {@code project.events}, keyed by project id. */
@Configuration(proxyBeanMethods = false)
class ProjectEventRoutes {

	@Bean
	EventRoute<ProjectApproved> projectApprovedRoute() {
		return EventRoute.of(ProjectApproved.class)
			.topic(ProjectTopics.EVENTS)
			.type(ProjectTopics.PROJECT_APPROVED)
			.id(ProjectApproved::eventId)
			.key(event -> event.projectId().toString())
			.time(ProjectApproved::approvedAt)
			.build();
	}

	@Bean
	EventRoute<ProjectUpserted> projectUpsertedRoute() {
		return EventRoute.of(ProjectUpserted.class)
			.topic(ProjectTopics.EVENTS)
			.type(ProjectTopics.PROJECT_UPSERTED)
			.id(ProjectUpserted::eventId)
			.key(event -> event.projectId().toString())
			.time(ProjectUpserted::occurredAt)
			.build();
	}
}
