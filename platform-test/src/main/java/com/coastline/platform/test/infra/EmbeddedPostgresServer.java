package com.coastline.platform.test.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Real PostgreSQL binaries started from a Maven artifact (no Docker engine needed). */
final class EmbeddedPostgresServer implements PostgresServer {

	private final EmbeddedPostgres postgres;

	private final Set<String> created = ConcurrentHashMap.newKeySet();

	private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static EmbeddedPostgresServer start() {
		try {
			return new EmbeddedPostgresServer(EmbeddedPostgres.builder()
				// Tests need speed, not durability.
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off")
				.setServerConfig("max_connections", "300")
				.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
		}
	}

	@Override
	public String jdbcUrl(String database) {
		if (created.add(database)) {
			Databases.createIfMissing(postgres.getPostgresDatabase(), database);
		}
		return postgres.getJdbcUrl("postgres", database);
	}

	@Override
	public String username() {
		return "postgres";
	}

	@Override
	public String password() {
		return "postgres";
	}

	@Override
	public void close() {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
