package com.coastline.media.document;

import com.coastline.media.api.DocumentDeleted;
import com.coastline.media.api.DocumentShared;
import com.coastline.media.api.DocumentUnshared;
import com.coastline.media.api.MediaTopics;
import com.coastline.platform.messaging.EventRoute;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Document events leave through the outbox on {@code media.events}, keyed by document id. */
@Configuration(proxyBeanMethods = false)
class DocumentMessaging {

	@Bean
	EventRoute<DocumentShared> documentSharedRoute() {
		return EventRoute.of(DocumentShared.class)
			.topic(MediaTopics.EVENTS)
			.type(MediaTopics.DOCUMENT_SHARED)
			.id(DocumentShared::eventId)
			.key((event) -> event.documentId().toString())
			.subject((event) -> event.documentId().toString())
			.time(DocumentShared::sharedAt)
			.build();
	}

	@Bean
	EventRoute<DocumentUnshared> documentUnsharedRoute() {
		return EventRoute.of(DocumentUnshared.class)
			.topic(MediaTopics.EVENTS)
			.type(MediaTopics.DOCUMENT_UNSHARED)
			.id(DocumentUnshared::eventId)
			.key((event) -> event.documentId().toString())
			.subject((event) -> event.documentId().toString())
			.time(DocumentUnshared::unsharedAt)
			.build();
	}

	@Bean
	EventRoute<DocumentDeleted> documentDeletedRoute() {
		return EventRoute.of(DocumentDeleted.class)
			.topic(MediaTopics.EVENTS)
			.type(MediaTopics.DOCUMENT_DELETED)
			.id(DocumentDeleted::eventId)
			.key((event) -> event.documentId().toString())
			.subject((event) -> event.documentId().toString())
			.time(DocumentDeleted::deletedAt)
			.build();
	}
}
