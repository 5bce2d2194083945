package com.coastline.platform.messaging;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The replay command for operators, on the management port:
 * {@code GET /actuator/deadletters} lists this service's dead-letter topics,
 * {@code GET /actuator/deadletters/{topic}} lists a topic's records, and
 * {@code POST /actuator/deadletters/{topic}} (optionally with {@code partition} and {@code offset}) sends
 * the chosen records back to where they came from.
 */
@Endpoint(id = "deadletters")
class DeadLettersEndpoint {

	private final DeadLetters deadLetters;

	private final ConsumerBindings bindings;

	DeadLettersEndpoint(DeadLetters deadLetters, ConsumerBindings bindings) {
		this.deadLetters = deadLetters;
		this.bindings = bindings;
	}

	@ReadOperation
	Map<String, List<String>> topics() {
		return Map.of("deadLetterTopics", bindings.deadLetterTopics());
	}

	@ReadOperation
	List<DeadLetter> records(@Selector String topic) {
		requireKnown(topic);
		return deadLetters.list(topic);
	}

	@WriteOperation
	Map<String, Object> replay(@Selector String topic, @Nullable Integer partition, @Nullable Long offset) {
		requireKnown(topic);
		int replayed = deadLetters.replay(topic, letter -> (partition == null || letter.partition() == partition)
				&& (offset == null || letter.offset() == offset));
		return Map.of("topic", topic, "replayed", replayed);
	}

	private void requireKnown(String topic) {
		if (!bindings.deadLetterTopics().contains(topic)) {
			throw new InvalidEndpointRequestException("Not a dead-letter topic of this service: " + topic,
					"Not a dead-letter topic of this service");
		}
	}
}
