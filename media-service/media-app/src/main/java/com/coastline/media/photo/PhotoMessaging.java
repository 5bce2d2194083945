package com.coastline.media.photo;

import com.coastline.media.api.MediaTopics;
import com.coastline.media.api.PhotoAdded;
import com.coastline.media.api.PhotoDeleted;
import com.coastline.media.api.PhotoShared;
import com.coastline.media.api.PhotoUnshared;
import com.coastline.platform.messaging.EventRoute;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Photo events leave through the outbox on {@code media.events}, keyed by photo id (ordered per photo). */
@Configuration(proxyBeanMethods = false)
class PhotoMessaging {

	@Bean
	EventRoute<PhotoAdded> photoAddedRoute() {
		return EventRoute.of(PhotoAdded.class)
			.topic(MediaTopics.EVENTS)
			.type(MediaTopics.PHOTO_ADDED)
			.id(PhotoAdded::eventId)
			.key((event) -> event.photoId().toString())
			.subject((event) -> event.photoId().toString())
			.time(PhotoAdded::addedAt)
			.build();
	}

	@Bean
	EventRoute<PhotoShared> photoSharedRoute() {
		return EventRoute.of(PhotoShared.class)
			.topic(MediaTopics.EVENTS)
			.type(MediaTopics.PHOTO_SHARED)
			.id(PhotoShared::eventId)
			.key((event) -> event.photoId().toString())
			.subject((event) -> event.photoId().toString())
			.time(PhotoShared::sharedAt)
			.build();
	}

	@Bean
	EventRoute<PhotoUnshared> photoUnsharedRoute() {
		return EventRoute.of(PhotoUnshared.class)
			.topic(MediaTopics.EVENTS)
			.type(MediaTopics.PHOTO_UNSHARED)
			.id(PhotoUnshared::eventId)
			.key((event) -> event.photoId().toString())
			.subject((event) -> event.photoId().toString())
			.time(PhotoUnshared::unsharedAt)
			.build();
	}

	@Bean
	EventRoute<PhotoDeleted> photoDeletedRoute() {
		return EventRoute.of(PhotoDeleted.class)
			.topic(MediaTopics.EVENTS)
			.type(MediaTopics.PHOTO_DELETED)
			.id(PhotoDeleted::eventId)
			.key((event) -> event.photoId().toString())
			.subject((event) -> event.photoId().toString())
			.time(PhotoDeleted::deletedAt)
			.build();
	}
}
