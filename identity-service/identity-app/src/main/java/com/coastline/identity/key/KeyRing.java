package com.coastline.identity.key;

import java.time.Clock;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionOperations;

/**
 * The keys this service signs with and verifies against, loaded from the database at start-up.
 * As a {@link JWKSource} it feeds the token encoder, the resource server's decoder (in process)
 * and the JWKS endpoint, which publishes the public parts only.
 * <p>
 * The newest key signs. The others stay published and trusted, which is what rotation without
 * downtime needs (a later issue adds the rotation itself and a periodic reload).
 */
public final class KeyRing implements JWKSource<SecurityContext> {

	private static final Logger log = LoggerFactory.getLogger(KeyRing.class);

	private final List<SigningKey> keys;

	private final JWKSet jwkSet;

	private KeyRing(List<SigningKey> keys) {
		if (keys.isEmpty()) {
			throw new IllegalArgumentException("A key ring needs a key");
		}
		this.keys = List.copyOf(keys);
		this.jwkSet = new JWKSet(this.keys.stream().map(key -> (JWK) key.jwk()).toList());
	}

	/**
	 * The keys in the database, after creating the first one if there is none: a restart keeps
	 * the same keys, so tokens issued before it stay valid.
	 */
	public static KeyRing loadOrCreate(SigningKeys signingKeys, TransactionOperations transactions, Clock clock) {
		return transactions.execute(status -> {
			signingKeys.lockForCreation();
			List<SigningKey> keys = signingKeys.all();
			if (keys.isEmpty()) {
				SigningKey first = SigningKey.generate(clock.instant());
				signingKeys.add(first);
				log.info("Generated the first signing key {}", first.keyId());
				keys = List.of(first);
			}
			return new KeyRing(keys);
		});
	}

	/** The key that signs new tokens: the newest. */
	public SigningKey current() {
		return this.keys.get(0);
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) {
		return selector.select(this.jwkSet);
	}
}
