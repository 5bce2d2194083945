package com.coastline.platform.messaging;

import java.util.function.BiFunction;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Failure handling of every consumer binding: bounded retries with exponential backoff (from the
 * binding's {@code max-attempts} and {@code back-off-*} settings), no retry for poison messages, and
 * then the record goes to {@code error.<topic>.<group>} with its original key and headers (plus
 * {@code kafka_dlt-*} headers saying where it came from and why), so the partition keeps flowing.
 */
class DeadLetterPolicy implements ListenerContainerWithDlqAndRetryCustomizer {

	private final KafkaOperations<byte[], byte[]> deadLetterTemplate;

	private final MeterRegistry meters;

	DeadLetterPolicy(KafkaOperations<byte[], byte[]> deadLetterTemplate, MeterRegistry meters) {
		this.deadLetterTemplate = deadLetterTemplate;
		this.meters = meters;
	}

	@Override
	public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
			@Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
			@Nullable BackOff backOff) {
		DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(deadLetterTemplate,
				(record, exception) -> new TopicPartition(DeadLetters.topicFor(record.topic(), group), -1));
		ConsumerRecordRecoverer counting = (record, exception) -> {
			publisher.accept(record, exception);
			meters.counter("coastline.messaging.dead.letters", "topic", record.topic(), "group", group).increment();
		};
		DefaultErrorHandler errorHandler = new DefaultErrorHandler(counting, backOff != null ? backOff : defaultBackOff());
		// Conversion and deserialization failures are already not retried by Spring Kafka's defaults.
		errorHandler.addNotRetryableExceptions(PoisonMessageException.class, JacksonException.class);
		container.setCommonErrorHandler(errorHandler);
	}

	@Override
	public boolean retryAndDlqInBinding(String destinationName, String group) {
		return false;
	}

	private static BackOff defaultBackOff() {
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
		backOff.setMaxInterval(5_000);
		backOff.setMaxAttempts(3);
		return backOff;
	}
}
