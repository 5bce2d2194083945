package com.coastline.platform.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.coastline.platform.messaging.parcels.ParcelApplication;
import com.coastline.platform.messaging.parcels.ParcelDesk;
import com.coastline.platform.messaging.parcels.ParcelShipped;
import com.coastline.platform.messaging.parcels.Tracker;
import com.coastline.platform.test.TestInfrastructure;
import com.coastline.platform.test.infra.SharedInfrastructure;
import com.coastline.platform.test.kafka.TopicRecords;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.coastline.platform.test.kafka.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of a service share one database and run the outbox resubmission at the same moment: a
 * failed publication is sent again by exactly one of them (ShedLock serialises the runs, and a run moves
 * what it resubmits out of FAILED before the lock is released). Without the lock both send it.
 */
@SpringBootTest(classes = ParcelApplication.class, properties = {
		"spring.application.name=" + TwoReplicasResubmissionTest.SERVICE,
		"coastline.messaging.outbox.resubmit-interval=" + TwoReplicasResubmissionTest.ONLY_WHEN_CALLED })
@Import(TestInfrastructure.class)
class TwoReplicasResubmissionTest {

	static final String SERVICE = "parcel-replicas";

	static final String ONLY_WHEN_CALLED = "1h";

	@Autowired
	OutboxResubmission resubmission;

	@Autowired
	ParcelDesk desk;

	@Autowired
	Tracker tracker;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void aFailedPublicationIsResubmittedByExactlyOneOfTwoReplicas() {
		try (ConfigurableApplicationContext secondReplica = startSecondReplica()) {
			List<ParcelShipped> shipped = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				shipped.add(desk.ship("Replica town " + i));
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> shipped.stream().allMatch(this::completed));

			// As if the broker had never acknowledged them; then both replicas resubmit at once.
			shipped.forEach(event -> jdbc.update("""
					update event_publication set status = 'FAILED', completion_date = null
					where serialized_event like ?""", "%" + event.eventId() + "%"));
			resubmitConcurrently(resubmission, secondReplica.getBean(OutboxResubmission.class));

			await().atMost(Duration.ofSeconds(60)).until(() -> shipped.stream().allMatch(this::completed));
			Map<String, Long> copies = new TopicRecords(bootstrapServers).readAll(ParcelApplication.TOPIC)
				.stream()
				.collect(Collectors.groupingBy(r -> header(r, "ce_id"), Collectors.counting()));
			assertThat(shipped).allSatisfy(event -> {
				assertThat(copies.get(event.eventId().toString())).as("copies of %s", event.eventId()).isEqualTo(2);
				assertThat(tracker.arrivals(event.eventId())).isEqualTo(1);
			});
		}
	}

	private static void resubmitConcurrently(OutboxResubmission first, OutboxResubmission second) {
		CyclicBarrier start = new CyclicBarrier(2);
		try (ExecutorService replicas = Executors.newFixedThreadPool(2)) {
			CompletableFuture.allOf(
					CompletableFuture.runAsync(() -> afterBarrier(start, first::resubmitFailedPublications), replicas),
					CompletableFuture.runAsync(() -> afterBarrier(start, second::resubmitFailedPublications), replicas))
				.join();
		}
	}

	private static void afterBarrier(CyclicBarrier barrier, Runnable work) {
		try {
			barrier.await(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		work.run();
	}

	private boolean completed(ParcelShipped event) {
		List<Boolean> done = jdbc.queryForList(
				"select completion_date is not null from event_publication where serialized_event like ?", Boolean.class,
				"%" + event.eventId() + "%");
		return done.size() == 1 && done.get(0);
	}

	private ConfigurableApplicationContext startSecondReplica() {
		String database = SharedInfrastructure.databaseFor(SERVICE);
		return new SpringApplicationBuilder(ParcelApplication.class).web(WebApplicationType.NONE)
			.properties(Map.of("spring.application.name", SERVICE,
					"coastline.messaging.outbox.resubmit-interval", ONLY_WHEN_CALLED,
					"spring.datasource.url", SharedInfrastructure.postgres().jdbcUrl(database),
					"spring.datasource.username", SharedInfrastructure.postgres().username(),
					"spring.datasource.password", SharedInfrastructure.postgres().password(),
					"spring.kafka.bootstrap-servers", bootstrapServers))
			.run();
	}
}
