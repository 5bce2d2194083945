package com.coastline.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.messaging.MessageHeaders;

/**
 * CloudEvents 1.0 binary mode on Kafka headers, plus the W3C {@code traceparent}. All values are set
 * from the event itself, never from the thread that happens to send it, so a publication that is
 * resubmitted later carries the very same headers.
 */
public final class CloudEventHeaders {

	public static final String ID = "ce_id";

	public static final String TYPE = "ce_type";

	public static final String SOURCE = "ce_source";

	public static final String SPEC_VERSION = "ce_specversion";

	public static final String TIME = "ce_time";

	public static final String SUBJECT = "ce_subject";

	public static final String CONTENT_TYPE = "content-type";

	public static final String TRACEPARENT = "traceparent";

	private CloudEventHeaders() {
	}

	static Map<String, Object> of(EventRoute<?> route, Object event, String source) {
		UUID id = route.idOf(event);
		Map<String, Object> headers = new LinkedHashMap<>();
		headers.put(SPEC_VERSION, bytes("1.0"));
		headers.put(ID, bytes(id.toString()));
		headers.put(TYPE, bytes(route.cloudEventType()));
		headers.put(SOURCE, bytes(source));
		headers.put(TIME, bytes(route.timeOf(event).toString()));
		headers.put(SUBJECT, bytes(route.subjectOf(event)));
		headers.put(CONTENT_TYPE, bytes("application/json"));
		headers.put(TRACEPARENT, bytes(traceparent(id)));
		return headers;
	}

	/**
	 * A trace per event: the 128-bit event id is the trace id and its low 64 bits the parent span,
	 * so every delivery of one event, first or resubmitted, continues the same trace.
	 */
	public static String traceparent(UUID eventId) {
		String traceId = "%016x%016x".formatted(eventId.getMostSignificantBits(), eventId.getLeastSignificantBits());
		String spanId = "%016x".formatted(eventId.getLeastSignificantBits() == 0 ? 1 : eventId.getLeastSignificantBits());
		return "00-" + traceId + "-" + spanId + "-01";
	}

	/** Reads a header as text whether the binder kept it as bytes or as a string. */
	public static String text(MessageHeaders headers, String name) {
		Object value = headers.get(name);
		if (value instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		return value == null ? null : value.toString();
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}
}
