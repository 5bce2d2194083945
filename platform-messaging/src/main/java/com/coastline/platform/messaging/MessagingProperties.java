package com.coastline.platform.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox and the consumers.
 *
 * @param outbox resubmission of publications the broker did not acknowledge
 * @param processedMessages how long the idempotent consumers remember a message id
 * @param deadLetters retention of the dead-letter topics
 */
@ConfigurationProperties("coastline.messaging")
public record MessagingProperties(@DefaultValue Outbox outbox, @DefaultValue ProcessedMessages processedMessages,
		@DefaultValue DeadLetters deadLetters) {

	/**
	 * @param resubmitInterval how often failed publications are sent again
	 * @param minAge a failed publication is resubmitted once it is at least this old
	 * @param batchSize at most this many publications per resubmission run
	 * @param completedRetention completed publications older than this are deleted (the outbox's history, for
	 * looking into what was sent)
	 * @param purgeInterval how often old completed publications are deleted
	 */
	public record Outbox(@DefaultValue("10s") Duration resubmitInterval, @DefaultValue("0s") Duration minAge,
			@DefaultValue("500") int batchSize, @DefaultValue("7d") Duration completedRetention,
			@DefaultValue("1h") Duration purgeInterval) {
	}

	/**
	 * @param retention ids older than this are purged; a redelivery after that would be processed again,
	 * so keep it well above the topics' retention of undelivered messages
	 * @param purgeInterval how often old ids are purged
	 */
	public record ProcessedMessages(@DefaultValue("14d") Duration retention, @DefaultValue("1h") Duration purgeInterval) {
	}

	/**
	 * @param retention how long dead letters stay available for replay
	 * @param partitions partitions of each dead-letter topic
	 */
	public record DeadLetters(@DefaultValue("30d") Duration retention, @DefaultValue("1") int partitions) {
	}
}
