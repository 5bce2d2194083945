package com.coastline.platform.messaging;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.coastline.platform.messaging.parcels.ParcelApplication;
import com.coastline.platform.messaging.parcels.ParcelDesk;
import com.coastline.platform.messaging.parcels.ParcelShipped;
import com.coastline.platform.test.TestInfrastructure;
import com.coastline.platform.test.kafka.TopicRecords;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static com.coastline.platform.test.kafka.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's sends when the task executor that makes them is saturated (its thread busy, its queue full): the
 * commit's caller sees no error, nothing waits in memory beyond the queue, and the event stays in the outbox
 * until the resubmission sends it. A queue of two and one thread here (the defaults: 5,000 and eight), a
 * publication stale after 2 s (the defaults: a minute).
 */
@SpringBootTest(classes = ParcelApplication.class, properties = { "spring.task.execution.pool.queue-capacity=2",
		"spring.task.execution.pool.core-size=1", "spring.task.execution.pool.max-size=1",
		"spring.modulith.events.staleness.published=2s", "spring.modulith.events.staleness.check-intervall=1s" })
@Import(TestInfrastructure.class)
class OutboxBackpressureTest {

	@Autowired
	ParcelDesk desk;

	@Autowired
	ThreadPoolTaskExecutor applicationTaskExecutor;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void releaseTheExecutor() {
		release.countDown();
	}

	@Test
	void aSendThatFindsTheExecutorSaturatedIsDeferredToTheResubmissionNotLost() throws Exception {
		ThreadPoolExecutor pool = applicationTaskExecutor.getThreadPoolExecutor();
		CountDownLatch busy = new CountDownLatch(1);
		applicationTaskExecutor.execute(() -> {
			busy.countDown();
			await(release);
		});
		applicationTaskExecutor.execute(() -> await(release));
		applicationTaskExecutor.execute(() -> await(release));
		assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(pool.getQueue().remainingCapacity()).as("the executor's queue is full").isZero();
		double deferredBefore = deferred();

		ParcelShipped shipped = desk.ship("Faro");

		assertThat(deferred()).isEqualTo(deferredBefore + 1);
		assertThat(pool.getQueue()).hasSize(2);
		assertThat(pool.getMaximumPoolSize()).isEqualTo(1);
		assertThat(publicationCompleted(shipped)).as("recorded in the outbox, not sent").isFalse();

		release.countDown();

		var record = new TopicRecords(bootstrapServers).await(ParcelApplication.TOPIC,
				r -> shipped.eventId().toString().equals(header(r, "ce_id")));
		assertThat(record.key()).isEqualTo(shipped.parcelId().toString());
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> publicationCompleted(shipped));
	}

	private double deferred() {
		Counter counter = meters.find("coastline.outbox.sends.deferred").counter();
		return counter == null ? 0 : counter.count();
	}

	private boolean publicationCompleted(ParcelShipped shipped) {
		List<Boolean> completed = jdbc.queryForList(
				"select completion_date is not null from event_publication where serialized_event like ?",
				Boolean.class, "%" + shipped.eventId() + "%");
		assertThat(completed).hasSize(1);
		return completed.get(0);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(2, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
