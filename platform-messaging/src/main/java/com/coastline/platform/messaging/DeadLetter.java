package com.coastline.platform.messaging;

/**
 * A record in a dead-letter topic, as shown to operators.
 *
 * @param topic the dead-letter topic
 * @param partition its partition
 * @param offset its offset
 * @param key the original key
 * @param originalTopic where it came from
 * @param eventId its {@code ce_id}
 * @param eventType its {@code ce_type}
 * @param failure the exception class and message that sent it here
 */
public record DeadLetter(String topic, int partition, long offset, String key, String originalTopic, String eventId,
		String eventType, String failure) {
}
