package com.coastline.identity.key;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.jwk.ECKey;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The signing keys kept in the identity database (table {@code signing_key}). The private JWK is
 * stored only sealed ({@link KeyEncryption}: {@code private_jwk_sealed} under {@code kek_id}); the
 * public JWK next to it in clear. Rows from before encryption hold the plaintext {@code jwk} until
 * {@link #sealUnderCurrentKey()} runs at start-up.
 */
@Repository
public class SigningKeys {

	/** Any constant: the advisory lock that serialises key creation (and sealing) between replicas. */
	private static final long CREATION_LOCK = 0x5167_4e4b_6579_0001L;

	private final JdbcTemplate jdbc;

	private final KeyEncryption encryption;

	@Autowired
	SigningKeys(JdbcTemplate jdbc, SigningKeyProperties properties) {
		this(jdbc, KeyEncryption.of(properties.encryption()));
	}

	SigningKeys(JdbcTemplate jdbc, KeyEncryption encryption) {
		this.jdbc = jdbc;
		this.encryption = encryption;
	}

	/**
	 * Every key, the one that signs last first.
	 * @throws UnreadableSigningKeyException when a key's KEK is not configured or does not open it
	 */
	public List<SigningKey> all() {
		return this.jdbc.query("""
				select kid, jwk::text, private_jwk_sealed, kek_id, public_jwk::text, created_at, signs_from
				from signing_key order by signs_from desc, created_at desc, kid
				""", (row, index) -> new SigningKey(privateJwk(row), instant(row, 6), instant(row, 7)));
	}

	public void add(SigningKey key) {
		this.jdbc.update("""
				insert into signing_key (kid, private_jwk_sealed, kek_id, public_jwk, created_at, signs_from)
				values (?, ?, ?, cast(? as jsonb), ?, ?)
				""", key.keyId(), this.encryption.seal(key.keyId(), key.jwk().toJSONString()),
				this.encryption.currentKeyId(), key.jwk().toPublicJWK().toJSONString(),
				Timestamp.from(key.createdAt()), Timestamp.from(key.signsFrom()));
	}

	/** When the newest key was created, if there is any. */
	Optional<Instant> newestCreatedAt() {
		Timestamp newest = this.jdbc.queryForObject("select max(created_at) from signing_key", Timestamp.class);
		return Optional.ofNullable(newest).map(Timestamp::toInstant);
	}

	/**
	 * Seals the rows still holding their private JWK in clear (from before encryption) and re-seals
	 * those under another KEK than the current one, clearing the plaintext. Call inside a transaction,
	 * under {@link #lockForCreation()}.
	 * @return how many rows were sealed
	 */
	int sealUnderCurrentKey() {
		List<ECKey> keys = this.jdbc.query("""
				select kid, jwk::text, private_jwk_sealed, kek_id, public_jwk::text from signing_key
				where jwk is not null or kek_id <> ? for update
				""", (row, index) -> privateJwk(row), this.encryption.currentKeyId());
		for (ECKey key : keys) {
			this.jdbc.update("""
					update signing_key set private_jwk_sealed = ?, kek_id = ?, public_jwk = cast(? as jsonb), jwk = null
					where kid = ?
					""", this.encryption.seal(key.getKeyID(), key.toJSONString()), this.encryption.currentKeyId(),
					key.toPublicJWK().toJSONString(), key.getKeyID());
		}
		return keys.size();
	}

	/**
	 * Deletes the keys a newer key replaced at or before {@code cutoff} (now minus the retention): no
	 * live token was signed by them. The key that signs has no successor that signs, so it stays.
	 * @return how many keys were deleted
	 */
	int deleteReplacedBefore(Instant cutoff) {
		return this.jdbc.update("""
				delete from signing_key k where exists (
				    select 1 from signing_key newer where newer.signs_from > k.signs_from and newer.signs_from <= ?)
				""", Timestamp.from(cutoff));
	}

	/**
	 * Holds a transaction-scoped lock, so that replicas starting together on an empty table create
	 * one key between them rather than one each. Call inside a transaction.
	 */
	void lockForCreation() {
		this.jdbc.query("select pg_advisory_xact_lock(?)", (row) -> {
		}, CREATION_LOCK);
	}

	/** Columns 1-5: kid, jwk, private_jwk_sealed, kek_id, public_jwk. */
	private ECKey privateJwk(ResultSet row) throws SQLException {
		String kid = row.getString(1);
		String plaintext = row.getString(2);
		ECKey key = parse(kid, (plaintext != null) ? plaintext : this.encryption.open(kid, row.getString(4), row.getBytes(3)));
		String publicJwk = row.getString(5);
		// The kid is the AEAD's associated data already; this also catches a public part that was edited.
		if (!kid.equals(key.getKeyID()) || (publicJwk != null && !samePoint(parse(kid, publicJwk), key))) {
			throw new UnreadableSigningKeyException("Signing key " + kid + " does not match its public part or key id");
		}
		return key;
	}

	private static boolean samePoint(ECKey a, ECKey b) {
		return a.getX().equals(b.getX()) && a.getY().equals(b.getY());
	}

	private static ECKey parse(String kid, String json) {
		try {
			return ECKey.parse(json);
		}
		catch (ParseException ex) {
			// The message of a JWK parse error may quote the key material.
			throw new UnreadableSigningKeyException("Signing key " + kid + " is not an EC JWK");
		}
	}

	private static Instant instant(ResultSet row, int column) throws SQLException {
		return row.getTimestamp(column).toInstant();
	}
}
