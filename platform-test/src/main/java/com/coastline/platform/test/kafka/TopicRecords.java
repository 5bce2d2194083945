package com.coastline.platform.test.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/**
 * Reads and writes raw records the way another service or the broker would see them, for tests that
 * check what went over the wire (keys, headers, payloads) or inject duplicates and poison.
 */
public final class TopicRecords {

	private final String bootstrapServers;

	public TopicRecords(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	/** Every record currently in the topic, from the beginning (an empty list if the topic does not exist). */
	public List<ConsumerRecord<String, String>> readAll(String topic) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
			var infos = consumer.listTopics(Duration.ofSeconds(10)).get(topic);
			if (infos == null) {
				return records;
			}
			List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Could not read " + topic + " to its end");
				}
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
		}
		return records;
	}

	/** Waits until a record matching the predicate is in the topic, and returns it. */
	public ConsumerRecord<String, String> await(String topic, Predicate<ConsumerRecord<String, String>> matching) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> readAll(topic).stream().filter(matching).findFirst().orElse(null), r -> r != null);
	}

	/** Sends a record as is, with the given headers; returns once the broker acknowledged it. */
	public void send(String topic, String key, String value, Map<String, String> headers) {
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
		headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
		send(record);
	}

	/** Sends a copy of a record that was read before (same key, value and headers): a redelivery. */
	public void resend(ConsumerRecord<String, String> original) {
		ProducerRecord<String, String> copy = new ProducerRecord<>(original.topic(), original.key(), original.value());
		original.headers().forEach(copy.headers()::add);
		send(copy);
	}

	private void send(ProducerRecord<String, String> record) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
			producer.send(record).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not send to " + record.topic(), ex);
		}
	}

	/** A header's value as text, or null. */
	public static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}
}
