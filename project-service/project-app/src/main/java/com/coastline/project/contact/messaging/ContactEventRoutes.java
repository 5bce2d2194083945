package com.coastline.project.contact.messaging;

import com.coastline.platform.messaging.EventRoute;
import com.coastline.project.api.ContactArchived;
import com.coastline.project.api.ContactUpserted;
import com.coastline.project.api.ProjectTopics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Contact events leave through the outbox on {@code project.events}, keyed by contact id. */
@Configuration(proxyBeanMethods = false)
class ContactEventRoutes {

	@Bean
	EventRoute<ContactUpserted> contactUpsertedRoute() {
		return EventRoute.of(ContactUpserted.class)
			.topic(ProjectTopics.EVENTS)
			.type(ProjectTopics.CONTACT_UPSERTED)
			.id(ContactUpserted::eventId)
			.key(event -> event.contactId().toString())
			.time(ContactUpserted::occurredAt)
			.build();
	}

	@Bean
	EventRoute<ContactArchived> contactArchivedRoute() {
		return EventRoute.of(ContactArchived.class)
			.topic(ProjectTopics.EVENTS)
			.type(ProjectTopics.CONTACT_ARCHIVED)
			.id(ContactArchived::eventId)
			.key(event -> event.contactId().toString())
			.time(ContactArchived::occurredAt)
			.build();
	}
}
