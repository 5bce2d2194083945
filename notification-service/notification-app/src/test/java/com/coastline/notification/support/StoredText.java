package com.coastline.notification.support;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Searches every text column of every table of the service's database, as someone with a dump of it would. */
public final class StoredText {

	private StoredText() {
	}

	/** The columns ({@code table.column}) in which some row contains {@code value}; empty if none. */
	public static List<String> columnsContaining(JdbcTemplate jdbc, String value) {
		List<String[]> columns = jdbc.query("""
				select table_name, column_name
				  from information_schema.columns
				 where table_schema = current_schema()
				   and data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
				""", (row, n) -> new String[] { row.getString(1), row.getString(2) });
		if (columns.stream().noneMatch(column -> column[0].equals("email_delivery") && column[1].equals("subject"))) {
			throw new IllegalStateException("Not the notification database: " + columns.size() + " text columns");
		}
		return columns.stream()
			.filter(column -> jdbc.queryForObject("select count(*) from \"" + column[0] + "\" where position(? in \""
					+ column[1] + "\"::text) > 0", Integer.class, value) > 0)
			.map(column -> column[0] + "." + column[1])
			.toList();
	}
}
