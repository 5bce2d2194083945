package com.coastline.platform.test.infra;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Pattern;

import javax.sql.DataSource;

final class Databases {

	private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	private Databases() {
	}

	/** Database names come from application names ("project-service" → "project_service"). */
	static String nameFor(String applicationName) {
		String name = applicationName.toLowerCase().replaceAll("[^a-z0-9_]", "_");
		if (!SAFE_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a usable database name: " + applicationName);
		}
		return name;
	}

	static void createIfMissing(DataSource admin, String database) {
		if (!SAFE_NAME.matcher(database).matches()) {
			throw new IllegalArgumentException("Not a usable database name: " + database);
		}
		try (Connection connection = admin.getConnection();
				var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, database);
			try (var rows = exists.executeQuery()) {
				if (rows.next()) {
					return;
				}
			}
			try (var create = connection.createStatement()) {
				create.execute("create database " + database);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + database, ex);
		}
	}
}
