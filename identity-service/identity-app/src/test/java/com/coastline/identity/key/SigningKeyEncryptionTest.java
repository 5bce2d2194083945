package com.coastline.identity.key;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.coastline.identity.IdentityServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Private keys at rest: sealed with the key-encryption key (KEK), never in clear. */
@IdentityServiceTest
class SigningKeyEncryptionTest {

	private static final String OTHER_KEK = randomKek();

	@Autowired
	KeyRing keyRing;

	@Autowired
	SigningKeys signingKeys;

	@Autowired
	SigningKeyProperties settings;

	@Autowired
	TransactionOperations transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	SigningKeyRows rows;

	@BeforeEach
	void snapshot() {
		rows = SigningKeyRows.snapshot(jdbc);
	}

	@AfterEach
	void restore() {
		rows.restore(keyRing);
	}

	@Test
	void theDatabaseNeverHoldsAPrivatePartInClear() {
		// given a second key besides the first
		keyRing.rotate();

		// then every row holds its private part sealed only, under the configured KEK
		List<SigningKey> keys = signingKeys.all();
		assertThat(keys).hasSizeGreaterThanOrEqualTo(2);
		for (SigningKey key : keys) {
			String d = key.jwk().getD().toString();
			Map<String, Object> row = jdbc.queryForMap("""
					select row_to_json(signing_key)::text as whole, jwk, private_jwk_sealed, kek_id, public_jwk::text as public_jwk
					from signing_key where kid = ?
					""", key.keyId());
			assertThat(row.get("jwk")).as("plaintext column of %s", key.keyId()).isNull();
			assertThat(row.get("kek_id")).isEqualTo(settings.encryption().currentKeyId());
			assertThat((String) row.get("whole")).doesNotContain(d);
			assertThat((String) row.get("public_jwk")).contains(key.jwk().getX().toString()).doesNotContain("\"d\"");
			byte[] sealed = (byte[]) row.get("private_jwk_sealed");
			assertThat(contains(sealed, d.getBytes(StandardCharsets.US_ASCII))).isFalse();
			assertThat(contains(sealed, key.jwk().getD().decode())).isFalse();
			assertThat(contains(sealed, "\"kty\"".getBytes(StandardCharsets.US_ASCII))).isFalse();
		}
	}

	@Test
	void aPlaintextRowFromBeforeEncryptionIsSealedAtStartUp() {
		// given a row as V5 leaves one written before encryption: the private JWK in clear
		Instant created = clock.instant().minus(Duration.ofDays(1));
		SigningKey legacy = SigningKey.generate(created, created);
		jdbc.update("""
				insert into signing_key (kid, jwk, public_jwk, created_at, signs_from)
				values (?, cast(? as jsonb), cast(? as jsonb) - 'd', ?, ?)
				""", legacy.keyId(), legacy.jwk().toJSONString(), legacy.jwk().toJSONString(), Timestamp.from(created),
				Timestamp.from(created));

		// when a replica starts
		KeyRing ring = KeyRing.loadOrCreate(signingKeys, transactions, clock, settings);

		// then the row is sealed and its plaintext gone, and the key is the same
		Map<String, Object> row = jdbc.queryForMap(
				"select jwk, private_jwk_sealed, kek_id from signing_key where kid = ?", legacy.keyId());
		assertThat(row.get("jwk")).isNull();
		assertThat(row.get("kek_id")).isEqualTo(settings.encryption().currentKeyId());
		assertThat(contains((byte[]) row.get("private_jwk_sealed"),
				legacy.jwk().getD().toString().getBytes(StandardCharsets.US_ASCII))).isFalse();
		assertThat(ring.published()).extracting(SigningKey::jwk).contains(legacy.jwk());
		assertThat(signingKeys.all()).filteredOn(key -> key.keyId().equals(legacy.keyId()))
			.singleElement()
			.extracting(key -> key.jwk().getD())
			.isEqualTo(legacy.jwk().getD());
	}

	@Test
	void aKeySealedWithAnOlderKekIsResealedWithTheCurrentOneAtStartUp() {
		// given a key sealed under the KEK "old"
		SigningKey key = SigningKey.generate(clock.instant(), clock.instant());
		signingKeysSealedWith("old", Map.of("old", OTHER_KEK)).add(key);

		// when a replica starts whose current KEK is "new", the older ones still configured
		String newKek = randomKek();
		Map<String, String> keks = new HashMap<>(Map.of("old", OTHER_KEK, "new", newKek));
		keks.put(settings.encryption().currentKeyId(), settings.encryption().currentKey());
		KeyRing.loadOrCreate(signingKeysSealedWith("new", keks), transactions, clock, settings);

		// then every key is sealed with the current KEK, and opens without the older ones
		assertThat(jdbc.queryForList("select distinct kek_id from signing_key", String.class)).containsExactly("new");
		SigningKeys withoutOlder = signingKeysSealedWith("new", Map.of("new", newKek));
		assertThat(withoutOlder.all()).extracting(SigningKey::jwk).contains(key.jwk());
	}

	@Test
	void aKeySealedWithAKekThatIsNotConfiguredStopsStartUpNamingTheKekOnly() {
		// given a key sealed with a KEK that this configuration lacks
		SigningKey key = SigningKey.generate(clock.instant(), clock.instant());
		signingKeysSealedWith("retired-kek", Map.of("retired-kek", OTHER_KEK)).add(key);

		// when / then
		assertThatExceptionOfType(UnreadableSigningKeyException.class).isThrownBy(() -> KeyRing.loadOrCreate(signingKeys, transactions, clock, settings))
			.withMessageContaining(key.keyId())
			.withMessageContaining("'retired-kek', which is not configured")
			.withMessageNotContaining(key.jwk().getD().toString())
			.withMessageNotContaining(OTHER_KEK);
	}

	@Test
	void aWrongKekUnderTheConfiguredIdStopsStartUp() {
		// given a key sealed under the configured KEK id, but with other key bytes
		String currentId = settings.encryption().currentKeyId();
		SigningKey key = SigningKey.generate(clock.instant(), clock.instant());
		signingKeysSealedWith(currentId, Map.of(currentId, OTHER_KEK)).add(key);

		// when / then
		assertThatExceptionOfType(UnreadableSigningKeyException.class).isThrownBy(() -> KeyRing.loadOrCreate(signingKeys, transactions, clock, settings))
			.withMessageContaining(key.keyId() + " does not open with key-encryption key '" + currentId + "'")
			.withMessageNotContaining(key.jwk().getD().toString())
			.withMessageNotContaining(OTHER_KEK);
	}

	@Test
	void aSealedKeyMovedToAnotherRowDoesNotOpen() {
		// given two keys; the sealed private part of one copied into the other's row
		SigningKey first = keyRing.current();
		SigningKey second = keyRing.rotate();
		jdbc.update("""
				update signing_key set private_jwk_sealed = (select private_jwk_sealed from signing_key where kid = ?)
				where kid = ?
				""", first.keyId(), second.keyId());

		// when / then: the kid is the associated data, so the swap is detected
		assertThatExceptionOfType(UnreadableSigningKeyException.class).isThrownBy(signingKeys::all)
			.withMessageContaining(second.keyId() + " does not open");
	}

	@Test
	void kekConfigurationIsChecked() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KeyEncryption.of(new SigningKeyProperties.Encryption("missing", null, Map.of("k1", OTHER_KEK))))
			.withMessageContaining("'missing' is not configured");
		String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KeyEncryption.of(new SigningKeyProperties.Encryption("k1", shortKey, Map.of())))
			.withMessageContaining("'k1' must be 256 bits, not 128")
			.withMessageNotContaining(shortKey);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KeyEncryption.of(new SigningKeyProperties.Encryption("k1", "not base64!", Map.of())))
			.withMessageContaining("'k1' is not base64");
	}

	private SigningKeys signingKeysSealedWith(String currentKekId, Map<String, String> keks) {
		return new SigningKeys(jdbc, KeyEncryption.of(new SigningKeyProperties.Encryption(currentKekId, null, keks)));
	}

	private static String randomKek() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	private static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}
}
