package com.coastline.platform.messaging;

import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wraps a message handler so that each {@code ce_id} is processed once per consumer group: the id is
 * inserted into {@code processed_message} first, in the same transaction as the handler's work, and a
 * duplicate is acknowledged and skipped. If the handler fails, the transaction rolls back with the id,
 * so a retry or a replay processes the message again.
 *
 * <pre>{@code
 * @Bean
 * Consumer<Message<ProjectApproved>> projectApproved(IdempotentConsumers consumers, Automations automations) {
 *     return consumers.of("automation-service", message -> automations.run(message.getPayload()));
 * }
 * }</pre>
 */
public class IdempotentConsumers {

	private static final Logger log = LoggerFactory.getLogger(IdempotentConsumers.class);

	private final ProcessedMessages processed;

	private final TransactionTemplate transactions;

	private final MeterRegistry meters;

	IdempotentConsumers(ProcessedMessages processed, TransactionTemplate transactions, MeterRegistry meters) {
		this.processed = processed;
		this.transactions = transactions;
		this.meters = meters;
	}

	public <T> Consumer<Message<T>> of(String consumerGroup, Consumer<Message<T>> handler) {
		return message -> handle(consumerGroup, message, handler);
	}

	private <T> void handle(String consumerGroup, Message<T> message, Consumer<Message<T>> handler) {
		// Spring Cloud Function may rename ce_ headers to another binding's prefix (ce-): read the id whatever its prefix.
		String id = CloudEventMessageUtils.getId(message);
		if (id == null || id.isBlank()) {
			throw new PoisonMessageException("Message without a ce_id header");
		}
		if (message.getPayload() == null) {
			throw new PoisonMessageException("Message " + id + " has no payload");
		}
		transactions.executeWithoutResult(status -> {
			if (processed.markProcessed(consumerGroup, id)) {
				handler.accept(message);
			}
			else {
				log.debug("Skipping duplicate message {} for {}", id, consumerGroup);
				meters.counter("coastline.messaging.duplicates.skipped", "group", consumerGroup).increment();
			}
		});
	}
}
