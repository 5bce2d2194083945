package com.coastline.project.config;

import java.time.Duration;

import com.coastline.platform.messaging.Topics;
import com.coastline.project.api.ProjectTopics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** project-service owns {@code project.events}; the event routes live with their features. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

	/**
	 * Consumers keep projections of contacts and projects; a month lets one that was down or is new
	 * catch up from the topic, and the versions in the events let it ignore what it already has.
	 */
	static final Duration RETENTION = Duration.ofDays(30);

	@Bean
	NewTopic projectEvents() {
		return Topics.declare(ProjectTopics.EVENTS, Topics.MIN_PARTITIONS, RETENTION);
	}
}
