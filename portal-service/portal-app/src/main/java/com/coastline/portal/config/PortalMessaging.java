package com.coastline.portal.config;

import java.time.Duration;

import com.coastline.platform.messaging.Topics;
import com.coastline.portal.api.PortalTopics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topic portal-service owns. The routes of its events live with the feature that publishes them. */
@Configuration(proxyBeanMethods = false)
class PortalMessaging {

	private static final Duration EVENT_RETENTION = Duration.ofDays(7);

	@Bean
	NewTopic portalEventsTopic() {
		return Topics.declare(PortalTopics.EVENTS, EVENT_RETENTION);
	}
}
