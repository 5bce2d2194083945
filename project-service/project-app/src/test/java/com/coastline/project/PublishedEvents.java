package com.coastline.project;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.coastline.platform.test.contract.ContractSchemas;
import com.coastline.platform.test.kafka.TopicRecords;
import com.coastline.project.api.ProjectTopics;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

import static com.coastline.platform.test.kafka.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What project-service recorded in its outbox and what reached {@code project.events}, as another
 * service reads it: raw records with key, headers and JSON payload.
 */
public final class PublishedEvents {

	private static final Duration EVENTUALLY = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private final TopicRecords topics;

	private final JdbcTemplate jdbc;

	public PublishedEvents(String bootstrapServers, JdbcTemplate jdbc) {
		this.topics = new TopicRecords(bootstrapServers);
		this.jdbc = jdbc;
	}

	/** The records of one CloudEvents type with the given key, in topic order. */
	public List<ConsumerRecord<String, String>> on(String type, UUID key) {
		return this.topics.readAll(ProjectTopics.EVENTS)
			.stream()
			.filter(record -> key.toString().equals(record.key()) && type.equals(header(record, "ce_type")))
			.sorted(Comparator.comparingLong(ConsumerRecord::offset))
			.toList();
	}

	/** Waits until {@code count} records of the type and key are on the topic, and returns them. */
	public List<ConsumerRecord<String, String>> await(String type, UUID key, int count) {
		return Awaitility.await().atMost(EVENTUALLY).until(() -> on(type, key), records -> records.size() >= count);
	}

	/** Publications of an event type in the outbox whose payload mentions the id (committed transactions only). */
	public int recorded(Class<?> eventType, UUID id) {
		Integer count = this.jdbc.queryForObject(
				"select count(*) from event_publication where event_type = ? and serialized_event like ?", Integer.class,
				eventType.getName(), "%" + id + "%");
		return (count != null) ? count : 0;
	}

	/** Waits until every publication of the type mentioning the id was acknowledged by the broker. */
	public void awaitCompleted(Class<?> eventType, UUID id) {
		Awaitility.await().atMost(EVENTUALLY).until(() -> this.jdbc.queryForObject(
				"select count(*) from event_publication where event_type = ? and serialized_event like ? and completion_date is null",
				Integer.class, eventType.getName(), "%" + id + "%") == 0);
	}

	/**
	 * The record's payload validates against the committed JSON Schema of its {@code ce_type}, as
	 * written on the wire and as read back into the {@code -api} record; returns that record.
	 */
	public static <T> T assertConforms(ConsumerRecord<String, String> record, Class<T> eventType) {
		String schema = "schemas/" + header(record, "ce_type") + ".json";
		JsonNode payload = JSON.readTree(record.value());
		assertThat(SCHEMAS.getSchema(readSchema(schema)).validate(payload)).as("%s against %s", record.value(), schema)
			.isEmpty();
		T event = JSON.treeToValue(payload, eventType);
		ContractSchemas.assertConforms(event, schema);
		return event;
	}

	private static JsonNode readSchema(String resource) {
		try (InputStream in = PublishedEvents.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as("schema %s", resource).isNotNull();
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
