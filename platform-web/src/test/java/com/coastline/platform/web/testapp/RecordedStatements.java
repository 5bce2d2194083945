package com.coastline.platform.web.testapp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/** The SQL Hibernate prepares on this thread while {@link #during} runs (the test application's statement inspector). */
public class RecordedStatements implements StatementInspector {

	private static final ThreadLocal<List<String>> recording = new ThreadLocal<>();

	@Override
	public String inspect(String sql) {
		List<String> statements = recording.get();
		if (statements != null) {
			statements.add(sql);
		}
		return sql;
	}

	/** Runs the work and returns the statements it prepared. */
	public static List<String> during(Supplier<?> work) {
		List<String> statements = new ArrayList<>();
		recording.set(statements);
		try {
			work.get();
			return statements;
		}
		finally {
			recording.remove();
		}
	}
}
