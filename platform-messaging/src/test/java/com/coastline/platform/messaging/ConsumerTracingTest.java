package com.coastline.platform.messaging;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.coastline.platform.messaging.parcels.ParcelApplication;
import com.coastline.platform.messaging.parcels.ParcelDesk;
import com.coastline.platform.messaging.parcels.ParcelShipped;
import com.coastline.platform.test.TestInfrastructure;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With tracing on the class path (as every service has it through platform-web), a consumer observes each
 * record and continues the trace of its {@code traceparent}: the one the outbox derives from the event id.
 * The spans are collected in memory instead of being exported.
 */
@SpringBootTest(classes = ParcelApplication.class,
		properties = { "management.opentelemetry.tracing.export.schedule-delay=100ms",
				// A group of its own, so that this context gets the record whichever other contexts are running.
				"spring.cloud.stream.bindings.parcelShipped-in-0.group=parcel-tracing" })
@Import({ TestInfrastructure.class, ConsumerTracingTest.CollectedSpans.class })
// Closed afterwards: its group would record a second arrival of every event the other tests send.
@DirtiesContext
class ConsumerTracingTest {

	@Autowired
	ParcelDesk desk;

	@Autowired
	SpanCollector spans;

	@Test
	void consumerContinuesTheTraceOfTheEvent() {
		ParcelShipped shipped = desk.ship("Porto");
		String traceId = shipped.eventId().toString().replace("-", "");
		String parentSpanId = CloudEventHeaders.traceparent(shipped.eventId()).split("-")[2];

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(spans.spans)
				.filteredOn((span) -> span.getTraceId().equals(traceId))
				.anySatisfy((span) -> {
					assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
					assertThat(span.getParentSpanId()).isEqualTo(parentSpanId);
					assertThat(span.getName()).contains(ParcelApplication.TOPIC);
				}));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CollectedSpans {

		@Bean
		SpanCollector spanCollector() {
			return new SpanCollector();
		}
	}

	/** Every finished span, as the OTLP exporter would get them. */
	static class SpanCollector implements SpanExporter {

		final List<SpanData> spans = new CopyOnWriteArrayList<>();

		@Override
		public CompletableResultCode export(Collection<SpanData> batch) {
			this.spans.addAll(batch);
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode flush() {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			return CompletableResultCode.ofSuccess();
		}
	}
}
