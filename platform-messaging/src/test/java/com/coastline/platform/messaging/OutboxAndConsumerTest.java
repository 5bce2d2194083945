package com.coastline.platform.messaging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.coastline.platform.messaging.parcels.ParcelApplication;
import com.coastline.platform.messaging.parcels.ParcelDesk;
import com.coastline.platform.messaging.parcels.ParcelShipped;
import com.coastline.platform.messaging.parcels.Tracker;
import com.coastline.platform.test.TestInfrastructure;
import com.coastline.platform.test.kafka.TopicRecords;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static com.coastline.platform.test.kafka.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = ParcelApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "management.server.port=0")
@Import(TestInfrastructure.class)
class OutboxAndConsumerTest {

	private static final String TOPIC = ParcelApplication.TOPIC;

	private static final String DEAD_LETTERS = "error.parcel.events.parcel-tracker";

	private static final Duration EVENTUALLY = Duration.ofSeconds(30);

	@Autowired
	ParcelDesk desk;

	@Autowired
	Tracker tracker;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ProcessedMessages processedMessages;

	@Autowired
	OutboxPurge outboxPurge;

	@Autowired
	KafkaTemplate<?, ?> outboxProducer;

	@Autowired
	ThreadPoolTaskExecutor applicationTaskExecutor;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@LocalManagementPort
	int managementPort;

	TopicRecords topics;

	private final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void setUp() {
		topics = new TopicRecords(bootstrapServers);
	}

	@Test
	void recordedEventIsPublishedWithItsKeyCloudEventHeadersAndTraceparent() {
		ParcelShipped shipped = desk.ship("Lisbon");

		ConsumerRecord<String, String> record = topics.await(TOPIC,
				r -> shipped.eventId().toString().equals(header(r, "ce_id")));

		assertThat(record.key()).isEqualTo(shipped.parcelId().toString());
		assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(record, "ce_type")).isEqualTo("coastline.parcel.ParcelShipped.v1");
		assertThat(header(record, "ce_source")).isEqualTo("/parcel-service");
		assertThat(header(record, "ce_subject")).isEqualTo(shipped.parcelId().toString());
		assertThat(Instant.parse(header(record, "ce_time"))).isEqualTo(shipped.shippedAt());
		assertThat(header(record, "content-type")).isEqualTo("application/json");
		assertThat(header(record, "traceparent"))
			.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01")
			.contains(shipped.eventId().toString().replace("-", ""));
		JsonNode payload = json.readTree(record.value());
		assertThat(payload.get("eventId").asString()).isEqualTo(shipped.eventId().toString());
		assertThat(payload.get("destination").asString()).isEqualTo("Lisbon");
		await().atMost(EVENTUALLY).until(() -> publicationCompleted(shipped.eventId()));
		await().atMost(EVENTUALLY).until(() -> tracker.arrivals(shipped.eventId()) == 1);
	}

	@Test
	void handlerRunsInTheConsumerScopeEnteredBeforeItsTransaction() {
		ParcelShipped shipped = desk.ship("Tavira");

		await().atMost(EVENTUALLY).until(() -> tracker.arrivals(shipped.eventId()) == 1);
		assertThat(tracker.arrivedInScopeEnteredBeforeTransaction(shipped.eventId())).isTrue();
	}

	@Test
	void rolledBackTransactionPublishesNothing() {
		String destination = "Nowhere-" + UUID.randomUUID();

		assertThatThrownBy(() -> desk.shipAndFail(destination)).hasMessageContaining("van broke down");
		ParcelShipped later = desk.ship("Faro");

		await().atMost(EVENTUALLY).until(() -> tracker.arrivals(later.eventId()) == 1);
		assertThat(jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?",
				Integer.class, "%" + destination + "%")).isZero();
		assertThat(topics.readAll(TOPIC)).noneMatch(r -> r.value().contains(destination));
	}

	@Test
	void redeliveredMessageIsSkippedByTheConsumer() {
		ParcelShipped shipped = desk.ship("Porto");
		ConsumerRecord<String, String> record = topics.await(TOPIC,
				r -> shipped.eventId().toString().equals(header(r, "ce_id")));
		await().atMost(EVENTUALLY).until(() -> tracker.arrivals(shipped.eventId()) == 1);
		double skippedBefore = skippedDuplicates();

		topics.resend(record);
		ParcelShipped next = sendDirectly(shipped.parcelId(), "Braga");

		await().atMost(EVENTUALLY).until(() -> tracker.arrivals(next.eventId()) == 1);
		assertThat(tracker.arrivals(shipped.eventId())).isEqualTo(1);
		assertThat(skippedDuplicates()).isEqualTo(skippedBefore + 1);
	}

	@Test
	void poisonMessageGoesToTheDeadLetterTopicWithItsHeadersAndThePartitionKeepsFlowing() {
		UUID parcel = UUID.randomUUID();
		String poisonId = UUID.randomUUID().toString();

		topics.send(TOPIC, parcel.toString(), "{this is not json", Map.of("ce_id", poisonId, "ce_type",
				"coastline.parcel.ParcelShipped.v1", "ce_source", "/somewhere", "ce_specversion", "1.0"));
		ParcelShipped next = sendDirectly(parcel, "Coimbra");

		await().atMost(EVENTUALLY).until(() -> tracker.arrivals(next.eventId()) == 1);
		ConsumerRecord<String, String> dead = topics.await(DEAD_LETTERS, r -> poisonId.equals(header(r, "ce_id")));
		assertThat(dead.key()).isEqualTo(parcel.toString());
		assertThat(dead.value()).isEqualTo("{this is not json");
		assertThat(header(dead, "ce_type")).isEqualTo("coastline.parcel.ParcelShipped.v1");
		assertThat(header(dead, "ce_source")).isEqualTo("/somewhere");
		assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
		assertThat(meters.counter("coastline.messaging.dead.letters", "topic", TOPIC, "group", "parcel-tracker")
			.count()).isPositive();
	}

	@Test
	void eventTypesWithoutAHandlerAreSkippedAndThePartitionKeepsFlowing() {
		UUID parcel = UUID.randomUUID();
		String otherId = UUID.randomUUID().toString();

		topics.send(TOPIC, parcel.toString(), "{\"parcelId\":\"" + parcel + "\"}", Map.of("ce_id", otherId, "ce_type",
				"coastline.parcel.ParcelWeighed.v1", "ce_source", "/scale", "ce_specversion", "1.0"));
		ParcelShipped next = sendDirectly(parcel, "Aveiro");

		await().atMost(EVENTUALLY).until(() -> tracker.arrivals(next.eventId()) == 1);
		assertThat(topics.readAll(DEAD_LETTERS)).noneMatch(r -> otherId.equals(header(r, "ce_id")));
	}

	@Test
	void failingHandlerIsRetriedAndProcessesTheMessageOnce() {
		String destination = "Flaky-" + UUID.randomUUID();
		tracker.failTimes(destination, 2);

		ParcelShipped shipped = desk.ship(destination);

		await().atMost(EVENTUALLY).until(() -> tracker.arrivals(shipped.eventId()) == 1);
		assertThat(topics.readAll(DEAD_LETTERS)).noneMatch(r -> shipped.eventId().toString().equals(header(r, "ce_id")));
	}

	@Test
	void replayCommandBringsADeadLetterBackToItsTopic() throws Exception {
		String destination = "Atlantis-" + UUID.randomUUID();
		tracker.forget(destination);
		ParcelShipped shipped = desk.ship(destination);
		ConsumerRecord<String, String> dead = topics.await(DEAD_LETTERS,
				r -> shipped.eventId().toString().equals(header(r, "ce_id")));
		assertThat(tracker.arrivals(shipped.eventId())).isZero();

		tracker.learn(destination);
		HttpResponse<String> listed = actuator("GET", "/actuator/deadletters/" + DEAD_LETTERS, null);
		HttpResponse<String> replayed = actuator("POST", "/actuator/deadletters/" + DEAD_LETTERS,
				"{\"partition\": %d, \"offset\": %d}".formatted(dead.partition(), dead.offset()));

		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(listed.body()).contains(shipped.eventId().toString());
		assertThat(replayed.statusCode()).isEqualTo(200);
		assertThat(json.readTree(replayed.body()).get("replayed").asInt()).isEqualTo(1);
		await().atMost(EVENTUALLY).until(() -> tracker.arrivals(shipped.eventId()) == 1);
	}

	@Test
	void replayCommandRefusesTopicsThatAreNotThisServicesDeadLetters() throws Exception {
		HttpResponse<String> response = actuator("POST", "/actuator/deadletters/" + TOPIC, "{}");

		assertThat(response.statusCode()).isEqualTo(400);
	}

	@Test
	void processedMessageIdsArePurgedOnlyAfterTheirRetention() {
		String old = "old-" + UUID.randomUUID();
		String recent = "recent-" + UUID.randomUUID();
		jdbc.update("insert into processed_message (consumer_group, message_id, processed_at) values (?, ?, now() - interval '15 days')",
				"purge-test", old);
		jdbc.update("insert into processed_message (consumer_group, message_id, processed_at) values (?, ?, now() - interval '13 days')",
				"purge-test", recent);

		int purged = processedMessages.purgeExpired();

		assertThat(purged).isGreaterThanOrEqualTo(1);
		assertThat(processedMessages.isProcessed("purge-test", old)).isFalse();
		assertThat(processedMessages.isProcessed("purge-test", recent)).isTrue();
	}

	@Test
	void completedPublicationsAreDeletedOnlyAfterTheirRetention() {
		ParcelShipped old = desk.ship("Sagres");
		ParcelShipped recent = desk.ship("Olhao");
		await().atMost(EVENTUALLY).until(() -> publicationCompleted(old.eventId()) && publicationCompleted(recent.eventId()));
		completedDaysAgo(old.eventId(), 8);
		completedDaysAgo(recent.eventId(), 6);

		outboxPurge.purgeCompleted();

		assertThat(publications(old.eventId())).isZero();
		assertThat(publications(recent.eventId())).isOne();
	}

	private void completedDaysAgo(UUID eventId, int days) {
		jdbc.update("update event_publication set completion_date = now() - make_interval(days => ?) where serialized_event like ?",
				days, "%" + eventId + "%");
	}

	private int publications(UUID eventId) {
		return jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?", Integer.class,
				"%" + eventId + "%");
	}

	/**
	 * Spring Modulith marks each send "processing" and "completed" in transactions of their own, without a statement
	 * (OutboxCompletions): they must not wait for a connection that the service's requests hold.
	 */
	@Test
	void aTransactionWithoutAStatementNeedsNoConnectionFromThePool() throws Exception {
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		List<Connection> held = new ArrayList<>();
		try {
			while (held.size() < pool.getMaximumPoolSize()) {
				held.add(pool.getConnection());
			}
			TransactionTemplate requiresNew = new TransactionTemplate(transactionManager);
			requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

			CompletableFuture<Boolean> empty = CompletableFuture
				.supplyAsync(() -> requiresNew.execute(status -> status.isNewTransaction()));

			assertThat(empty.get(5, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}
	}

	@Test
	void outboxSendsQueueAtMostFiveThousandEventsForSixtyFourThreads() {
		ThreadPoolExecutor pool = applicationTaskExecutor.getThreadPoolExecutor();

		assertThat(pool.getQueue().size() + pool.getQueue().remainingCapacity()).isEqualTo(5000);
		assertThat(pool.getCorePoolSize()).isEqualTo(64);
		assertThat(pool.getMaximumPoolSize()).isEqualTo(64);
		assertThat(pool.getRejectedExecutionHandler()).isInstanceOf(DeferredSends.class);
	}

	@Test
	void outboxBacklogIsExposedAsMetrics() {
		ParcelShipped shipped = desk.ship("Evora");
		await().atMost(EVENTUALLY).until(() -> publicationCompleted(shipped.eventId()));

		assertThat(meters.get("coastline.outbox.backlog").gauge().value()).isZero();
		assertThat(meters.get("coastline.outbox.oldest.age").gauge().value()).isZero();
	}

	@Test
	void outboxProducerSendsWithoutWaitingForABatchToFill() {
		// Kafka 4's producer waits up to 5 ms by default; an approval's email crosses two outboxes.
		assertThat(outboxProducer.getProducerFactory().getConfigurationProperties())
			.containsEntry(ProducerConfig.LINGER_MS_CONFIG, "0");
	}

	private ParcelShipped sendDirectly(UUID parcel, String destination) {
		ParcelShipped event = new ParcelShipped(UUID.randomUUID(), parcel, destination, Instant.now());
		topics.send(TOPIC, parcel.toString(), json.writeValueAsString(event), Map.of("ce_id", event.eventId().toString(),
				"ce_type", "coastline.parcel.ParcelShipped.v1", "ce_source", "/test", "ce_specversion", "1.0"));
		return event;
	}

	private boolean publicationCompleted(UUID eventId) {
		List<Boolean> completed = jdbc.queryForList(
				"select completion_date is not null from event_publication where serialized_event like ?",
				Boolean.class, "%" + eventId + "%");
		return completed.size() == 1 && completed.get(0);
	}

	private double skippedDuplicates() {
		var counter = meters.find("coastline.messaging.duplicates.skipped").tag("group", "parcel-tracker").counter();
		return counter == null ? 0 : counter.count();
	}

	private HttpResponse<String> actuator(String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
			.header("Content-Type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}
}
