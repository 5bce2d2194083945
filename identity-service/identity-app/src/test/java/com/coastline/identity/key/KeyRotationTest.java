package com.coastline.identity.key;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.coastline.identity.IdentityServiceTest;
import com.coastline.platform.test.MovableClock;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.transaction.support.TransactionOperations;

import static com.coastline.identity.IdentityTokens.part;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The rotation timeline on the real database, with key rings standing for replicas whose time the
 * test moves (the application's own ring keeps real time; the rows are put back after each test).
 */
@IdentityServiceTest
class KeyRotationTest {

	private static final Duration PUBLISH_AHEAD = Duration.ofMinutes(10);

	private static final Duration RETAIN = Duration.ofHours(1);

	private static final Duration ROTATE_EVERY = Duration.ofDays(30);

	private static final Duration SECOND = Duration.ofSeconds(1);

	@Autowired
	KeyRing applicationRing;

	@Autowired
	SigningKeys signingKeys;

	@Autowired
	SigningKeyProperties configured;

	@Autowired
	TransactionOperations transactions;

	@Autowired
	JdbcTemplate jdbc;

	final MovableClock clock = new MovableClock();

	SigningKeyRows rows;

	@BeforeEach
	void snapshot() {
		rows = SigningKeyRows.snapshot(jdbc);
	}

	@AfterEach
	void restore() {
		rows.restore(applicationRing);
	}

	@Test
	void theDefaultsAreTheIssuesTimeline() {
		assertThat(configured.publishAhead()).isEqualTo(PUBLISH_AHEAD);
		assertThat(configured.retain()).isEqualTo(RETAIN);
		assertThat(configured.rotateEvery()).isEqualTo(ROTATE_EVERY);
		assertThat(configured.reloadEvery()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void aNewKeyIsPublishedAtOnceButSignsOnlyAfterPublishAhead() {
		// given
		KeyRing ring = replica();
		SigningKey old = ring.current();

		// when
		SigningKey next = ring.rotate();

		// then it is in the JWKS, but the old key still signs until publish-ahead has passed
		assertThat(next.signsFrom()).isEqualTo(clock.instant().plus(PUBLISH_AHEAD));
		assertThat(jwksKids(ring)).contains(old.keyId(), next.keyId());
		assertThat(kid(sign(ring))).isEqualTo(old.keyId());
		clock.advance(PUBLISH_AHEAD.minus(SECOND));
		assertThat(kid(sign(ring))).isEqualTo(old.keyId());
		clock.advance(SECOND);
		assertThat(kid(sign(ring))).isEqualTo(next.keyId());
		assertThat(jwksKids(ring)).contains(old.keyId(), next.keyId());
	}

	@Test
	void tokensOfTheOldKeyVerifyDuringRetainThenTheOldKeyLeavesTheJwksAndTheDatabase() {
		// given a token signed by the old key just before the new one takes over
		KeyRing ring = replica();
		SigningKey old = ring.current();
		SigningKey next = ring.rotate();
		clock.advance(PUBLISH_AHEAD.minus(SECOND));
		String oldToken = sign(ring);
		assertThat(kid(oldToken)).isEqualTo(old.keyId());

		// when the new key signs, the old token still verifies (signature and time) while it lives
		clock.advance(SECOND);
		assertThat(ring.current().keyId()).isEqualTo(next.keyId());
		clock.advance(Duration.ofMinutes(4));
		assertThat(verifyingTime(ring).decode(oldToken).getSubject()).isEqualTo("rotation-test");

		// and the old key stays published until retain has passed since the new key started signing
		clock.advance(RETAIN.minus(Duration.ofMinutes(4)).minus(SECOND));
		assertThat(jwksKids(ring)).contains(old.keyId());
		assertThat(ignoringTime(ring).decode(oldToken).getSubject()).isEqualTo("rotation-test");
		assertThat(ring.deleteRetired()).isZero();

		// then it leaves the JWKS, no longer verifies anything, and is deleted
		clock.advance(SECOND);
		assertThat(jwksKids(ring)).doesNotContain(old.keyId()).contains(next.keyId());
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> ignoringTime(ring).decode(oldToken));
		assertThat(ring.deleteRetired()).isPositive();
		assertThat(storedKids()).doesNotContain(old.keyId()).contains(next.keyId());
		assertThat(ring.current().keyId()).isEqualTo(next.keyId());
	}

	@Test
	void twoReplicasOnTheSameDatabaseAgreeAfterReload() {
		// given two replicas
		KeyRing a = replica();
		KeyRing b = replica();

		// when one rotates
		SigningKey next = a.rotate();

		// then the other publishes it only after its reload, and from then on both sign with the same key
		assertThat(jwksKids(b)).doesNotContain(next.keyId());
		b.reload();
		assertThat(jwksKids(b)).containsExactlyInAnyOrderElementsOf(jwksKids(a));
		assertThat(b.current().keyId()).isEqualTo(a.current().keyId());
		clock.advance(PUBLISH_AHEAD);
		assertThat(a.current().keyId()).isEqualTo(next.keyId());
		assertThat(b.current().keyId()).isEqualTo(next.keyId());
		assertThat(verifyingTime(b).decode(sign(a)).getSubject()).isEqualTo("rotation-test");
		assertThat(verifyingTime(a).decode(sign(b)).getSubject()).isEqualTo("rotation-test");
	}

	@Test
	void scheduledRotationCreatesAKeyOnlyWhenTheNewestIsRotateEveryOld() {
		// given
		KeyRing ring = replica();
		Instant newest = signingKeys.all().stream().map(SigningKey::createdAt).max(Instant::compareTo).orElseThrow();
		clock.advance(Duration.between(clock.instant(), newest).plus(ROTATE_EVERY).minus(SECOND));

		// when / then
		assertThat(ring.rotateIfDue()).isEmpty();
		clock.advance(SECOND);
		Optional<SigningKey> rotated = ring.rotateIfDue();
		assertThat(rotated).hasValueSatisfying(key -> assertThat(key.signsFrom()).isEqualTo(clock.instant().plus(PUBLISH_AHEAD)));
		assertThat(jwksKids(ring)).contains(rotated.get().keyId());
		assertThat(ring.rotateIfDue()).isEmpty();
	}

	@Test
	void replicasCheckingTogetherRotateOnce() {
		// given two replicas for which a rotation is due
		KeyRing a = replica();
		KeyRing b = replica();
		clock.advance(ROTATE_EVERY.plus(PUBLISH_AHEAD));
		int before = storedKids().size();

		// when both check at once
		var first = CompletableFuture.supplyAsync(a::rotateIfDue);
		var second = CompletableFuture.supplyAsync(b::rotateIfDue);

		// then exactly one creates a key
		assertThat(List.of(first.join(), second.join())).filteredOn(Optional::isPresent).hasSize(1);
		assertThat(storedKids()).hasSize(before + 1);
	}

	@Test
	void theFirstKeyOfAnEmptyDatabaseSignsAtOnce() {
		// given
		jdbc.update("delete from signing_key");

		// when
		KeyRing ring = replica();

		// then
		SigningKey first = ring.current();
		assertThat(first.createdAt()).isEqualTo(clock.instant());
		assertThat(first.signsFrom()).isEqualTo(first.createdAt());
		assertThat(kid(sign(ring))).isEqualTo(first.keyId());
		assertThat(storedKids()).containsExactly(first.keyId());
	}

	private KeyRing replica() {
		SigningKeyProperties settings = new SigningKeyProperties(PUBLISH_AHEAD, RETAIN, ROTATE_EVERY,
				Duration.ofSeconds(30), Duration.ofMinutes(5), configured.encryption());
		return KeyRing.loadOrCreate(signingKeys, transactions, clock, settings);
	}

	/** A token signed by the ring's current key, as the token endpoint signs, at the test's time. */
	private String sign(KeyRing ring) {
		Instant now = clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.subject("rotation-test")
			.issuedAt(now)
			.expiresAt(now.plus(SigningKeyProperties.LONGEST_TOKEN_LIFETIME))
			.id(UUID.randomUUID().toString())
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256).keyId(ring.current().keyId()).type("JWT").build();
		return new NimbusJwtEncoder(ring).encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	private NimbusJwtDecoder verifyingTime(KeyRing ring) {
		JwtTimestampValidator time = new JwtTimestampValidator(Duration.ZERO);
		time.setClock(clock);
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(ring).jwsAlgorithm(SignatureAlgorithm.ES256).build();
		decoder.setJwtValidator(time);
		return decoder;
	}

	/** Checks the signature only: the token's own expiry is not what these assertions are about. */
	private NimbusJwtDecoder ignoringTime(KeyRing ring) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(ring).jwsAlgorithm(SignatureAlgorithm.ES256).build();
		decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
		return decoder;
	}

	private static String kid(String token) {
		return part(token, 0).get("kid").asString();
	}

	/** The kids the ring publishes, as the JWKS endpoint selects them. */
	private static List<String> jwksKids(KeyRing ring) {
		JWKSet published = new JWKSet(ring.get(new JWKSelector(new JWKMatcher.Builder().build()), null));
		return published.toPublicJWKSet().getKeys().stream().map(JWK::getKeyID).toList();
	}

	private List<String> storedKids() {
		return jdbc.queryForList("select kid from signing_key", String.class);
	}
}
