package com.coastline.platform.messaging;

import java.util.List;
import java.util.Map;

import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;

/**
 * The service's consumer bindings, as configured. Every consumer binding must name its group: an
 * anonymous group starts at the end of the topic on each start and would silently skip messages.
 */
class ConsumerBindings {

	private final BindingServiceProperties properties;

	ConsumerBindings(BindingServiceProperties properties) {
		this.properties = properties;
	}

	/** Functional bindings are named {@code <function>-in-<n>} for input. */
	private Map<String, BindingProperties> consumers() {
		return properties.getBindings()
			.entrySet()
			.stream()
			.filter(e -> e.getKey().contains("-in-"))
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	void requireExplicitGroups() {
		List<String> anonymous = consumers().entrySet()
			.stream()
			.filter(e -> e.getValue().getGroup() == null || e.getValue().getGroup().isBlank())
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
		if (!anonymous.isEmpty()) {
			throw new IllegalStateException("Consumer bindings without a group: " + anonymous
					+ "; set spring.cloud.stream.bindings.<name>.group");
		}
	}

	List<String> deadLetterTopics() {
		return consumers().values()
			.stream()
			.filter(binding -> binding.getDestination() != null && binding.getGroup() != null)
			.flatMap(binding -> java.util.Arrays.stream(binding.getDestination().split(","))
				.map(String::trim)
				.map(destination -> DeadLetters.topicFor(destination, binding.getGroup())))
			.distinct()
			.sorted()
			.toList();
	}
}
