package com.coastline.identity.key;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The signing keys' timeline and their encryption at rest.
 *
 * @param publishAhead how long a new key is published before it signs, so that every verifier's cached
 * JWKS knows it first
 * @param retain how long a key stays published after a newer key started signing; longer than the
 * longest token lifetime, so that tokens it signed still verify
 * @param rotateEvery the age of the newest key at which the scheduled job creates the next one
 * @param reloadEvery how often every replica reads the keys again, so that all replicas agree
 * @param checkEvery how often one replica checks whether a rotation is due and deletes keys past
 * {@code retain}
 * @param encryption the key-encryption keys that seal the private parts in the database
 */
@Validated
@ConfigurationProperties("coastline.identity.keys")
public record SigningKeyProperties(@DefaultValue("10m") Duration publishAhead, @DefaultValue("1h") Duration retain,
		@DefaultValue("30d") Duration rotateEvery, @DefaultValue("30s") Duration reloadEvery,
		@DefaultValue("5m") Duration checkEvery, @Valid @NotNull Encryption encryption) {

	/** Service tokens live 5 minutes (Spring Authorization Server's default), client tokens 60 s. */
	public static final Duration LONGEST_TOKEN_LIFETIME = Duration.ofMinutes(5);

	public SigningKeyProperties {
		if (publishAhead.isNegative() || !rotateEvery.isPositive() || !reloadEvery.isPositive()
				|| !checkEvery.isPositive()) {
			throw new IllegalArgumentException("coastline.identity.keys: durations must be positive");
		}
		if (retain.compareTo(LONGEST_TOKEN_LIFETIME) <= 0) {
			throw new IllegalArgumentException(
					"coastline.identity.keys.retain must be longer than the longest token lifetime ("
							+ LONGEST_TOKEN_LIFETIME + ")");
		}
	}

	/**
	 * AES-256-GCM key-encryption keys (KEKs). The current one seals; the others still open rows sealed
	 * before a KEK rotation (start-up re-seals those with the current one, after which they can go).
	 *
	 * @param currentKeyId the KEK that seals
	 * @param currentKey the current KEK, base64 (256 bits); may instead be given in {@code keys}
	 * @param keys KEK id → 256-bit key, base64
	 */
	public record Encryption(@NotBlank String currentKeyId, String currentKey,
			@DefaultValue Map<String, @NotBlank String> keys) {

		/** A record's default would print the keys. */
		@Override
		public String toString() {
			return "Encryption[currentKeyId=" + this.currentKeyId + ", keys=" + this.keys.keySet() + "]";
		}
	}
}
