package com.coastline.project.estimate.messaging;

import com.coastline.platform.messaging.EventRoute;
import com.coastline.project.api.EstimateApproved;
import com.coastline.project.api.EstimateChangesRequested;
import com.coastline.project.api.EstimateDeclined;
import com.coastline.project.api.EstimateSent;
import com.coastline.project.api.EstimateViewed;
import com.coastline.project.api.ProjectTopics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Estimate events leave through the outbox on {@code project.events}, keyed by estimate id. */
@Configuration(proxyBeanMethods = false)
class EstimateEventRoutes {

	@Bean
	EventRoute<EstimateSent> estimateSentRoute() {
		return EventRoute.of(EstimateSent.class)
			.topic(ProjectTopics.EVENTS)
			.type(ProjectTopics.ESTIMATE_SENT)
			.id(EstimateSent::eventId)
			.key(event -> event.estimateId().toString())
			.time(EstimateSent::sentAt)
			.build();
	}

	@Bean
	EventRoute<EstimateApproved> estimateApprovedRoute() {
		return EventRoute.of(EstimateApproved.class)
			.topic(ProjectTopics.EVENTS)
			.type(ProjectTopics.ESTIMATE_APPROVED)
			.id(EstimateApproved::eventId)
			.key(event -> event.estimateId().toString())
			.time(EstimateApproved::approvedAt)
			.build();
	}

	@Bean
	EventRoute<EstimateDeclined> estimateDeclinedRoute() {
		return EventRoute.of(EstimateDeclined.class)
			.topic(ProjectTopics.EVENTS)
			.type(ProjectTopics.ESTIMATE_DECLINED)
			.id(EstimateDeclined::eventId)
			.key(event -> event.estimateId().toString())
			.time(EstimateDeclined::declinedAt)
			.build();
	}

	@Bean
	EventRoute<EstimateViewed> estimateViewedRoute() {
		return EventRoute.of(EstimateViewed.class)
			.topic(ProjectTopics.EVENTS)
			.type(ProjectTopics.ESTIMATE_VIEWED)
			.id(EstimateViewed::eventId)
			.key(event -> event.estimateId().toString())
			.time(EstimateViewed::viewedAt)
			.build();
	}

	@Bean
	EventRoute<EstimateChangesRequested> estimateChangesRequestedRoute() {
		return EventRoute.of(EstimateChangesRequested.class)
			.topic(ProjectTopics.EVENTS)
			.type(ProjectTopics.ESTIMATE_CHANGES_REQUESTED)
			.id(EstimateChangesRequested::eventId)
			.key(event -> event.estimateId().toString())
			.time(EstimateChangesRequested::requestedAt)
			.build();
	}
}
