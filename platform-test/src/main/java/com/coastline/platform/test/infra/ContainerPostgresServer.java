package com.coastline.platform.test.infra;

import java.sql.DriverManager;
import java.sql.SQLException;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL in a container, used where a Docker engine is available. */
final class ContainerPostgresServer implements PostgresServer {

	private final PostgreSQLContainer container;

	private ContainerPostgresServer(PostgreSQLContainer container) {
		this.container = container;
	}

	static ContainerPostgresServer start() {
		PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
		container.start();
		return new ContainerPostgresServer(container);
	}

	@Override
	public String jdbcUrl(String database) {
		try {
			var admin = new SimpleDriverDataSource(DriverManager.getDriver(container.getJdbcUrl()),
					container.getJdbcUrl(), username(), password());
			Databases.createIfMissing(admin, database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return "jdbc:postgresql://%s:%d/%s".formatted(container.getHost(),
				container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT), database);
	}

	@Override
	public String username() {
		return container.getUsername();
	}

	@Override
	public String password() {
		return container.getPassword();
	}

	@Override
	public void close() {
		container.stop();
	}
}
