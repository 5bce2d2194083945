package com.coastline.platform.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;

import com.coastline.platform.messaging.parcels.ParcelApplication;
import com.coastline.platform.messaging.parcels.ParcelDesk;
import com.coastline.platform.messaging.parcels.ParcelShipped;
import com.coastline.platform.messaging.parcels.Tracker;
import com.coastline.platform.test.infra.SharedInfrastructure;
import com.coastline.platform.test.kafka.KafkaBrokerProcess;
import com.coastline.platform.test.kafka.TopicRecords;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.coastline.platform.test.kafka.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker goes away while the application keeps running: an event recorded meanwhile is delivered
 * once the broker is back, by the scheduled resubmission, without restarting the application. The
 * broker runs as its own process with its own log dir, so it comes back with its data.
 */
@SpringBootTest(classes = ParcelApplication.class, properties = {
		"spring.application.name=parcel-outage",
		"spring.kafka.producer.properties.max.block.ms=1000",
		"spring.kafka.producer.properties.request.timeout.ms=1000",
		"spring.kafka.producer.properties.delivery.timeout.ms=2000",
		"coastline.messaging.outbox.resubmit-interval=300ms" })
@Import(BrokerOutageTest.OwnBroker.class)
@DirtiesContext
class BrokerOutageTest {

	private static KafkaBrokerProcess broker;

	@Autowired
	ParcelDesk desk;

	@Autowired
	Tracker tracker;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", () -> broker().bootstrapServers());
		String database = SharedInfrastructure.databaseFor("parcel-outage");
		registry.add("spring.datasource.url", () -> SharedInfrastructure.postgres().jdbcUrl(database));
		registry.add("spring.datasource.username", () -> SharedInfrastructure.postgres().username());
		registry.add("spring.datasource.password", () -> SharedInfrastructure.postgres().password());
	}

	@Test
	void eventRecordedWhileTheBrokerIsDownIsDeliveredOnceItIsBack() {
		ParcelShipped before = desk.ship("Sines");
		await().atMost(Duration.ofSeconds(60)).until(() -> tracker.arrivals(before.eventId()) == 1);

		broker().stop();
		ParcelShipped during = desk.ship("Sagres");

		await().atMost(Duration.ofSeconds(30)).until(() -> status(during).equals("FAILED"));
		assertThat(meters.get("coastline.outbox.backlog").gauge().value()).isGreaterThanOrEqualTo(1);
		assertThat(tracker.arrivals(during.eventId())).isZero();

		broker().start();

		await().atMost(Duration.ofSeconds(60)).until(() -> tracker.arrivals(during.eventId()) == 1);
		await().atMost(Duration.ofSeconds(30)).until(() -> status(during).equals("COMPLETED"));
		ConsumerRecord<String, String> record = new TopicRecords(broker().bootstrapServers())
			.await(ParcelApplication.TOPIC, r -> r.value().contains(during.eventId().toString()));
		assertThat(header(record, "ce_id")).isEqualTo(during.eventId().toString());
		assertThat(record.key()).isEqualTo(during.parcelId().toString());
		assertThat(tracker.arrivals(during.eventId())).isEqualTo(1);
	}

	private String status(ParcelShipped event) {
		return jdbc.queryForObject("select status from event_publication where serialized_event like ?", String.class,
				"%" + event.eventId() + "%");
	}

	private static synchronized KafkaBrokerProcess broker() {
		if (broker == null) {
			try {
				broker = KafkaBrokerProcess.create(Files.createTempDirectory("outage-")).start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return broker;
	}

	/** Stops the broker when the context closes, after the consumers have stopped. */
	@TestConfiguration(proxyBeanMethods = false)
	static class OwnBroker {

		@Bean
		DisposableBean ownBrokerShutdown(ConfigurableApplicationContext context) {
			SharedInfrastructure.track(context);
			return () -> broker().kill();
		}

	}
}
