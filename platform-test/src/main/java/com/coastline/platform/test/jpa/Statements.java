package com.coastline.platform.test.jpa;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * The SQL statements Hibernate prepares on the test's own thread while a piece of work runs (MockMvc handles a
 * request on the calling thread): how many round trips to PostgreSQL a request costs, or what a statement says.
 * Statements of other threads (Kafka consumers, the outbox relay) are not counted. Hibernate creates this inspector
 * from the test's property
 * {@code spring.jpa.properties.hibernate.session_factory.statement_inspector=com.coastline.platform.test.jpa.Statements}.
 */
public final class Statements implements StatementInspector {

	private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

	/** What {@code work} returned and the statements it made Hibernate send from this thread, in order. */
	public static <T> Recorded<T> during(Supplier<T> work) {
		List<String> statements = new ArrayList<>();
		RECORDING.set(statements);
		try {
			return new Recorded<>(work.get(), statements);
		}
		finally {
			RECORDING.remove();
		}
	}

	@Override
	public String inspect(String sql) {
		List<String> statements = RECORDING.get();
		if (statements != null) {
			statements.add(sql);
		}
		return sql;
	}

	/**
	 * @param result what the work returned
	 * @param statements the SQL it sent, in order
	 */
	public record Recorded<T>(T result, List<String> statements) {
	}
}
