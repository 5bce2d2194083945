package com.coastline.identity.key;

import java.sql.Timestamp;
import java.text.ParseException;
import java.util.List;

import com.nimbusds.jose.jwk.ECKey;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The signing keys kept in the identity database (table {@code signing_key}). */
@Repository
public class SigningKeys {

	/** Any constant: the advisory lock that serialises key creation between replicas. */
	private static final long CREATION_LOCK = 0x5167_4e4b_6579_0001L;

	private final JdbcTemplate jdbc;

	SigningKeys(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Every key, newest first. */
	public List<SigningKey> all() {
		return this.jdbc.query("select jwk::text, created_at from signing_key order by created_at desc, kid",
				(row, index) -> new SigningKey(parse(row.getString(1)), row.getTimestamp(2).toInstant()));
	}

	public void add(SigningKey key) {
		this.jdbc.update("insert into signing_key (kid, jwk, created_at) values (?, cast(? as jsonb), ?)", key.keyId(),
				key.jwk().toJSONString(), Timestamp.from(key.createdAt()));
	}

	/**
	 * Holds a transaction-scoped lock, so that replicas starting together on an empty table create
	 * one key between them rather than one each. Call inside a transaction.
	 */
	void lockForCreation() {
		this.jdbc.query("select pg_advisory_xact_lock(?)", (row) -> {
		}, CREATION_LOCK);
	}

	private static ECKey parse(String json) {
		try {
			return ECKey.parse(json);
		}
		catch (ParseException ex) {
			// The message of a JWK parse error may quote the key material.
			throw new IllegalStateException("A row of signing_key is not an EC JWK");
		}
	}
}
