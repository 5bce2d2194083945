package com.coastline.platform.messaging.parcels;

import java.util.function.Consumer;

import com.coastline.platform.messaging.EventRoute;
import com.coastline.platform.messaging.IdempotentConsumers;
import com.coastline.platform.messaging.Topics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

import java.time.Duration;

/**
 * A small service that uses platform-messaging as a real one would: it ships parcels (a JPA entity)
 * and publishes {@link ParcelShipped} through the outbox, and it consumes its own events as a tracker
 * would, idempotently.
 */
@SpringBootApplication
public class ParcelApplication {

	public static final String TOPIC = "parcel.events";

	public static final String GROUP = "parcel-tracker";

	public static final String SHIPPED = "coastline.parcel.ParcelShipped.v1";

	@Bean
	NewTopic parcelEvents() {
		return Topics.declare(TOPIC, Duration.ofDays(7));
	}

	@Bean
	EventRoute<ParcelShipped> parcelShippedRoute() {
		return EventRoute.of(ParcelShipped.class)
			.topic(TOPIC)
			.type(SHIPPED)
			.id(ParcelShipped::eventId)
			.key(event -> event.parcelId().toString())
			.time(ParcelShipped::shippedAt)
			.build();
	}

	@Bean
	Consumer<Message<byte[]>> parcelShipped(IdempotentConsumers consumers, Tracker tracker) {
		return consumers.dispatch(GROUP)
			.within((event, work) -> tracker.inScopeOf((ParcelShipped) event, work))
			.on(SHIPPED, ParcelShipped.class, tracker::record)
			.build();
	}
}
