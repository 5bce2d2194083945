package com.coastline.platform.test.infra;

/** A running PostgreSQL server shared by the tests of one JVM; each service gets its own database on it. */
public interface PostgresServer extends AutoCloseable {

	/** Creates the database if it does not exist yet and returns its JDBC URL. */
	String jdbcUrl(String database);

	String username();

	String password();

	@Override
	void close();
}
