package com.coastline.identity.key;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows of {@code signing_key} as a test found them, put back afterwards: the tests here rotate,
 * delete and re-seal keys on the database that the shared application context signs with.
 */
final class SigningKeyRows {

	private final JdbcTemplate jdbc;

	private final List<Map<String, Object>> rows;

	private SigningKeyRows(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.rows = jdbc.queryForList("""
				select kid, jwk::text as jwk, private_jwk_sealed, kek_id, public_jwk::text as public_jwk, created_at,
				       signs_from
				from signing_key
				""");
	}

	static SigningKeyRows snapshot(JdbcTemplate jdbc) {
		return new SigningKeyRows(jdbc);
	}

	/** Puts the rows back as they were, and makes the application's ring read them. */
	void restore(KeyRing applicationRing) {
		this.jdbc.update("delete from signing_key");
		for (Map<String, Object> row : this.rows) {
			this.jdbc.update("""
					insert into signing_key (kid, jwk, private_jwk_sealed, kek_id, public_jwk, created_at, signs_from)
					values (?, cast(? as jsonb), ?, ?, cast(? as jsonb), ?, ?)
					""", row.get("kid"), row.get("jwk"), row.get("private_jwk_sealed"), row.get("kek_id"),
					row.get("public_jwk"), row.get("created_at"), row.get("signs_from"));
		}
		applicationRing.reload();
	}
}
