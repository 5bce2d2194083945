package com.coastline.platform.messaging;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * How one event type leaves the service: its topic, CloudEvents type, and how to read its id, key,
 * subject and time from the event record. A service declares one {@code @Bean} per published event,
 * so the {@code -api} records stay free of annotations and of Spring.
 *
 * <pre>{@code
 * @Bean
 * EventRoute<ProjectApproved> projectApproved() {
 *     return EventRoute.of(ProjectApproved.class)
 *         .topic(ProjectTopics.EVENTS)
 *         .type("coastline.project.ProjectApproved.v1")
 *         .id(ProjectApproved::eventId)
 *         .key(e -> e.projectId().toString())
 *         .time(ProjectApproved::approvedAt);
 * }
 * }</pre>
 *
 * @param <T> the event record
 */
public record EventRoute<T>(Class<T> eventType, String topic, String cloudEventType, Function<T, UUID> id,
		Function<T, String> key, Function<T, String> subject, Function<T, Instant> time) {

	public EventRoute {
		Objects.requireNonNull(eventType, "eventType");
		Objects.requireNonNull(topic, "topic of " + eventType.getName());
		Objects.requireNonNull(cloudEventType, "CloudEvents type of " + eventType.getName());
		Objects.requireNonNull(id, "event id of " + eventType.getName());
		Objects.requireNonNull(key, "key of " + eventType.getName());
		Objects.requireNonNull(time, "time of " + eventType.getName());
		if (subject == null) {
			subject = key;
		}
	}

	public static <T> Builder<T> of(Class<T> eventType) {
		return new Builder<>(eventType);
	}

	boolean handles(Object event) {
		return eventType.isInstance(event);
	}

	UUID idOf(Object event) {
		return id.apply(eventType.cast(event));
	}

	String keyOf(Object event) {
		return key.apply(eventType.cast(event));
	}

	String subjectOf(Object event) {
		return subject.apply(eventType.cast(event));
	}

	Instant timeOf(Object event) {
		return time.apply(eventType.cast(event));
	}

	public static final class Builder<T> {

		private final Class<T> eventType;

		private String topic;

		private String type;

		private Function<T, UUID> id;

		private Function<T, String> key;

		private Function<T, String> subject;

		private Function<T, Instant> time;

		private Builder(Class<T> eventType) {
			this.eventType = eventType;
		}

		public Builder<T> topic(String topic) {
			this.topic = topic;
			return this;
		}

		/** The CloudEvents type, e.g. {@code coastline.project.ProjectApproved.v1}. */
		public Builder<T> type(String type) {
			this.type = type;
			return this;
		}

		/** The event's own id: it becomes {@code ce_id} and stays the same when a publication is resubmitted. */
		public Builder<T> id(Function<T, UUID> id) {
			this.id = id;
			return this;
		}

		/** The aggregate id: the Kafka key, so that events of one aggregate stay in order. */
		public Builder<T> key(Function<T, String> key) {
			this.key = key;
			return this;
		}

		/** {@code ce_subject}; the key when not set. */
		public Builder<T> subject(Function<T, String> subject) {
			this.subject = subject;
			return this;
		}

		/** When the event happened ({@code ce_time}). */
		public Builder<T> time(Function<T, Instant> time) {
			this.time = time;
			return this;
		}

		public EventRoute<T> build() {
			return new EventRoute<>(eventType, topic, type, id, key, subject, time);
		}
	}
}
