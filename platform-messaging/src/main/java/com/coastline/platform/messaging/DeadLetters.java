package com.coastline.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Reads dead-letter topics and sends chosen records back to the topic they came from, with their
 * original key and headers (so the same {@code ce_id}: a record that was processed meanwhile is
 * skipped by the idempotent consumer).
 */
public class DeadLetters {

	/** Header added to a replayed record: the dead letter it came from. */
	public static final String REPLAYED_FROM = "coastline_replayed_from";

	private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

	private static final Duration POLL = Duration.ofMillis(500);

	private static final Duration READ_LIMIT = Duration.ofSeconds(30);

	private final Map<String, Object> consumerProperties;

	private final KafkaOperations<byte[], byte[]> template;

	DeadLetters(Map<String, Object> consumerProperties, KafkaOperations<byte[], byte[]> template) {
		this.consumerProperties = new HashMap<>(consumerProperties);
		this.consumerProperties.remove(ConsumerConfig.GROUP_ID_CONFIG);
		this.consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		this.consumerProperties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		this.consumerProperties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		this.template = template;
	}

	/** The dead-letter topic of a consumer group: {@code error.<topic>.<group>}. */
	public static String topicFor(String topic, String group) {
		return "error." + topic + "." + group;
	}

	/** Every record currently in the dead-letter topic. */
	public List<DeadLetter> list(String deadLetterTopic) {
		List<DeadLetter> letters = new ArrayList<>();
		read(deadLetterTopic, record -> letters.add(describe(record)));
		return letters;
	}

	/** Sends the chosen records back to their original topic; returns how many were sent. */
	public int replay(String deadLetterTopic, Predicate<DeadLetter> chosen) {
		List<ConsumerRecord<byte[], byte[]>> selected = new ArrayList<>();
		read(deadLetterTopic, record -> {
			if (chosen.test(describe(record))) {
				selected.add(record);
			}
		});
		for (ConsumerRecord<byte[], byte[]> record : selected) {
			send(record);
		}
		log.info("Replayed {} record(s) from {}", selected.size(), deadLetterTopic);
		return selected.size();
	}

	private void send(ConsumerRecord<byte[], byte[]> record) {
		String originalTopic = header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
		if (originalTopic == null) {
			throw new IllegalStateException("Dead letter %s-%d@%d does not say where it came from"
				.formatted(record.topic(), record.partition(), record.offset()));
		}
		RecordHeaders headers = new RecordHeaders();
		for (Header header : record.headers()) {
			if (!header.key().startsWith("kafka_dlt-") && !header.key().equals(REPLAYED_FROM)) {
				headers.add(header);
			}
		}
		headers.add(REPLAYED_FROM, "%s-%d@%d".formatted(record.topic(), record.partition(), record.offset())
			.getBytes(StandardCharsets.UTF_8));
		try {
			template.send(new ProducerRecord<>(originalTopic, null, record.key(), record.value(), headers))
				.get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while replaying", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not replay a dead letter to " + originalTopic, ex);
		}
	}

	private void read(String topic, java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> action) {
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties)) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10))
				.stream()
				.map(info -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			long deadline = System.nanoTime() + READ_LIMIT.toNanos();
			while (!caughtUp(consumer, end)) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Could not read " + topic + " to its end within " + READ_LIMIT);
				}
				consumer.poll(POLL).forEach(record -> {
					if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
						action.accept(record);
					}
				});
			}
		}
	}

	private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
		return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
	}

	private static DeadLetter describe(ConsumerRecord<byte[], byte[]> record) {
		String failure = header(record, KafkaHeaders.DLT_EXCEPTION_FQCN) + ": "
				+ header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
		return new DeadLetter(record.topic(), record.partition(), record.offset(),
				record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
				header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC), header(record, CloudEventHeaders.ID),
				header(record, CloudEventHeaders.TYPE), failure);
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}
}
