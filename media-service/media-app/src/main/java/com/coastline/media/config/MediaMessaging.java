package com.coastline.media.config;

import java.time.Duration;

import com.coastline.media.api.MediaTopics;
import com.coastline.platform.messaging.Topics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topic media-service owns. The routes of its events live with the features that publish them. */
@Configuration(proxyBeanMethods = false)
class MediaMessaging {

	private static final Duration EVENT_RETENTION = Duration.ofDays(7);

	@Bean
	NewTopic mediaEventsTopic() {
		return Topics.declare(MediaTopics.EVENTS, EVENT_RETENTION);
	}
}
