package com.coastline.platform.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.coastline.platform.messaging.parcels.ParcelApplication;
import com.coastline.platform.messaging.parcels.ParcelDesk;
import com.coastline.platform.messaging.parcels.ParcelShipped;
import com.coastline.platform.test.TestInfrastructure;
import com.coastline.platform.test.kafka.TopicRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static com.coastline.platform.test.kafka.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's sends when the task executor that makes them is saturated (every thread busy, its queue full): the
 * committing thread sends the event itself, at once, and the commit's caller sees no error. A queue of two and one
 * thread here, the defaults' 1,000 and eight in the services.
 */
@SpringBootTest(classes = ParcelApplication.class, properties = { "spring.task.execution.pool.queue-capacity=2",
		"spring.task.execution.pool.core-size=1", "spring.task.execution.pool.max-size=1" })
@Import(TestInfrastructure.class)
class OutboxBackpressureTest {

	@Autowired
	ParcelDesk desk;

	@Autowired
	ThreadPoolTaskExecutor applicationTaskExecutor;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void releaseTheExecutor() {
		release.countDown();
	}

	@Test
	void aSaturatedExecutorLeavesTheSendToTheCommittingThread() throws Exception {
		ThreadPoolExecutor pool = applicationTaskExecutor.getThreadPoolExecutor();
		CountDownLatch busy = new CountDownLatch(1);
		List<Runnable> blockers = new ArrayList<>();
		blockers.add(() -> {
			busy.countDown();
			await(release);
		});
		blockers.add(() -> await(release));
		blockers.add(() -> await(release));
		blockers.forEach(applicationTaskExecutor::execute);
		assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(pool.getQueue().remainingCapacity()).as("the executor's queue is full").isZero();
		assertThat(pool.getMaximumPoolSize()).isEqualTo(1);

		ParcelShipped shipped = desk.ship("Faro");

		// The executor is still blocked: the record can only have been sent by the committing thread.
		var record = new TopicRecords(bootstrapServers).await(ParcelApplication.TOPIC,
				r -> shipped.eventId().toString().equals(header(r, "ce_id")));
		assertThat(record.key()).isEqualTo(shipped.parcelId().toString());
		assertThat(release.getCount()).isEqualTo(1);
		assertThat(pool.getActiveCount()).isEqualTo(1);
		assertThat(pool.getQueue()).hasSize(2);
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
