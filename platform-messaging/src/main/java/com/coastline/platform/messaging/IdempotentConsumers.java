package com.coastline.platform.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

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

	private final JsonMapper json;

	IdempotentConsumers(ProcessedMessages processed, TransactionTemplate transactions, MeterRegistry meters,
			JsonMapper json) {
		this.processed = processed;
		this.transactions = transactions;
		this.meters = meters;
		this.json = json;
	}

	public <T> Consumer<Message<T>> of(String consumerGroup, Consumer<Message<T>> handler) {
		return message -> handle(consumerGroup, message, ScopedWork.NONE, handler);
	}

	/**
	 * A consumer for a topic that carries several event types: each record is dispatched by its
	 * {@code ce_type} to the handler registered for it, its JSON read into that handler's record type.
	 * Types without a handler are acknowledged and ignored; unreadable JSON is poison.
	 *
	 * <pre>{@code
	 * @Bean
	 * Consumer<Message<byte[]>> projectEvents(IdempotentConsumers consumers, Automations automations) {
	 *     return consumers.dispatch("automation-service")
	 *         .on(ProjectTopics.PROJECT_APPROVED, ProjectApproved.class, automations::projectApproved)
	 *         .build();
	 * }
	 * }</pre>
	 */
	public Dispatch dispatch(String consumerGroup) {
		return new Dispatch(consumerGroup);
	}

	/** The handlers of one consumer group, by CloudEvents type. */
	public final class Dispatch {

		private final String consumerGroup;

		private final Map<String, Consumer<Message<byte[]>>> handlers = new HashMap<>();

		private ConsumerScope scope = ConsumerScope.NONE;

		private Dispatch(String consumerGroup) {
			this.consumerGroup = consumerGroup;
		}

		/** Runs every handler's transaction inside this scope, entered with the event (e.g. its tenant). */
		public Dispatch within(ConsumerScope scope) {
			this.scope = scope;
			return this;
		}

		public <T> Dispatch on(String cloudEventType, Class<T> type, Consumer<T> handler) {
			handlers.put(cloudEventType, message -> {
				T event = read(message, type);
				handle(consumerGroup, message, (work) -> scope.run(event, work), ignored -> handler.accept(event));
			});
			return this;
		}

		public Consumer<Message<byte[]>> build() {
			Map<String, Consumer<Message<byte[]>>> byType = Map.copyOf(handlers);
			return message -> {
				String type = CloudEventMessageUtils.getType(message);
				if (type == null || type.isBlank()) {
					throw new PoisonMessageException("Message without a ce_type header");
				}
				Consumer<Message<byte[]>> handler = byType.get(type);
				if (handler == null) {
					log.trace("{} ignores {}", consumerGroup, type);
					return;
				}
				handler.accept(message);
			};
		}

		private <T> T read(Message<byte[]> message, Class<T> type) {
			try {
				T value = json.readValue(message.getPayload(), type);
				if (value == null) {
					throw new PoisonMessageException("Empty " + type.getSimpleName());
				}
				return value;
			}
			catch (JacksonException ex) {
				throw new PoisonMessageException("Unreadable " + type.getSimpleName() + ": " + ex.getOriginalMessage(), ex);
			}
		}
	}

	private <T> void handle(String consumerGroup, Message<T> message, ScopedWork scope, Consumer<Message<T>> handler) {
		// Spring Cloud Function may rename ce_ headers to another binding's prefix (ce-): read the id whatever its prefix.
		String id = CloudEventMessageUtils.getId(message);
		if (id == null || id.isBlank()) {
			throw new PoisonMessageException("Message without a ce_id header");
		}
		if (message.getPayload() == null) {
			throw new PoisonMessageException("Message " + id + " has no payload");
		}
		scope.run(() -> transactions.executeWithoutResult(status -> {
			if (processed.markProcessed(consumerGroup, id)) {
				handler.accept(message);
			}
			else {
				log.debug("Skipping duplicate message {} for {}", id, consumerGroup);
				meters.counter("coastline.messaging.duplicates.skipped", "group", consumerGroup).increment();
			}
		}));
	}

	/** A scope already bound to its event. */
	@FunctionalInterface
	private interface ScopedWork {

		void run(Runnable work);

		ScopedWork NONE = Runnable::run;
	}
}
