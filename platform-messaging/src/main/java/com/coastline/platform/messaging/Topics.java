package com.coastline.platform.messaging;

import java.time.Duration;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.kafka.config.TopicBuilder;

/**
 * Topic declarations for the topics a service owns ({@code <owner>.events}, {@code <receiver>.commands}),
 * as {@code NewTopic} beans that Spring Kafka's admin creates at start-up.
 */
public final class Topics {

	/** Enough partitions for several replicas of a consumer to share the work. */
	public static final int MIN_PARTITIONS = 6;

	private Topics() {
	}

	public static NewTopic declare(String name, int partitions, Duration retention) {
		if (partitions < MIN_PARTITIONS) {
			throw new IllegalArgumentException("Topic %s needs at least %d partitions".formatted(name, MIN_PARTITIONS));
		}
		return TopicBuilder.name(name)
			.partitions(partitions)
			.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis()))
			.build();
	}

	public static NewTopic declare(String name, Duration retention) {
		return declare(name, MIN_PARTITIONS, retention);
	}
}
