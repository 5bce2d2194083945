package com.coastline.identity.key;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionOperations;

/**
 * The keys this service signs with and verifies against, as stored in the database. As a
 * {@link JWKSource} it feeds the token encoder, the resource server's decoder (in process) and the
 * JWKS endpoint, which publishes the public parts only.
 * <p>
 * Rotation without downtime, decided by time alone so that every replica reading the same rows agrees:
 * <ul>
 * <li>a new key is <em>published</em> at once but signs only from {@code signsFrom} (creation plus
 * {@code publish-ahead}), so verifiers that cache the JWKS learn it before they meet a token it signed;
 * <li>the key that <em>signs</em> is the one with the latest {@code signsFrom} that has come;
 * <li>a key is <em>retired</em> once a newer key signs, and stays published for {@code retain} (longer
 * than any token lives), then leaves the JWKS and is deleted by {@link #deleteRetired()}.
 * </ul>
 * Each replica reads the rows again every {@code reload-every} ({@link #reload()}).
 */
public final class KeyRing implements JWKSource<SecurityContext> {

	private static final Logger log = LoggerFactory.getLogger(KeyRing.class);

	private final SigningKeys signingKeys;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final SigningKeyProperties settings;

	/** Every stored key, the one that signs last first. */
	private volatile List<SigningKey> keys;

	private KeyRing(SigningKeys signingKeys, TransactionOperations transactions, Clock clock,
			SigningKeyProperties settings, List<SigningKey> keys) {
		this.signingKeys = signingKeys;
		this.transactions = transactions;
		this.clock = clock;
		this.settings = settings;
		this.keys = requireAKey(keys);
	}

	/**
	 * The keys in the database, as at start-up: rows still holding a private key in clear (or under an
	 * older key-encryption key) are sealed with the current one first, and the first key is created if
	 * there is none. A restart keeps the same keys, so tokens issued before it stay valid.
	 * @throws UnreadableSigningKeyException when a stored key cannot be opened with the configured KEKs
	 */
	public static KeyRing loadOrCreate(SigningKeys signingKeys, TransactionOperations transactions, Clock clock,
			SigningKeyProperties settings) {
		List<SigningKey> keys = transactions.execute(status -> {
			signingKeys.lockForCreation();
			int sealed = signingKeys.sealUnderCurrentKey();
			if (sealed > 0) {
				log.info("Sealed {} signing keys with the current key-encryption key", sealed);
			}
			List<SigningKey> stored = signingKeys.all();
			if (!stored.isEmpty()) {
				return stored;
			}
			// Nothing else can sign yet, so the first key signs at once.
			Instant now = clock.instant();
			SigningKey first = SigningKey.generate(now, now);
			signingKeys.add(first);
			log.info("Generated the first signing key {}", first.keyId());
			return List.of(first);
		});
		return new KeyRing(signingKeys, transactions, clock, settings, keys);
	}

	/** The key that signs new tokens now. */
	public SigningKey current() {
		Instant now = this.clock.instant();
		List<SigningKey> all = this.keys;
		// Only when no key's time has come (clocks of replicas differ a little): the earliest.
		return all.stream().filter(key -> key.signsAt(now)).findFirst().orElse(all.get(all.size() - 1));
	}

	/** The keys published (and trusted) now: all but those retired longer than {@code retain} ago. */
	public List<SigningKey> published() {
		Instant cutoff = this.clock.instant().minus(this.settings.retain());
		List<SigningKey> all = this.keys;
		return all.stream().filter(key -> !replacedBefore(key, all, cutoff)).toList();
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) {
		return selector.select(new JWKSet(published().stream().map(key -> (JWK) key.jwk()).toList()));
	}

	/** Reads the keys again, so that this replica sees the keys other replicas created or deleted. */
	public void reload() {
		this.keys = requireAKey(this.signingKeys.all());
	}

	/**
	 * Creates a key now, published at once, signing after {@code publish-ahead}.
	 * @return the new key
	 */
	public SigningKey rotate() {
		SigningKey key = this.transactions.execute(status -> {
			this.signingKeys.lockForCreation();
			return create();
		});
		reload();
		return key;
	}

	/**
	 * Creates a key when the newest is at least {@code rotate-every} old (checked under the creation lock,
	 * so that replicas checking together create one).
	 * @return the new key, if one was due
	 */
	public Optional<SigningKey> rotateIfDue() {
		Optional<SigningKey> key = this.transactions.execute(status -> {
			this.signingKeys.lockForCreation();
			Instant due = this.clock.instant().minus(this.settings.rotateEvery());
			return this.signingKeys.newestCreatedAt().filter(newest -> !newest.isAfter(due)).map(newest -> create());
		});
		if (key.isPresent()) {
			reload();
		}
		return key;
	}

	/**
	 * Deletes the keys retired longer than {@code retain} ago (those no longer {@link #published()}).
	 * @return how many
	 */
	public int deleteRetired() {
		int deleted = this.signingKeys.deleteReplacedBefore(this.clock.instant().minus(this.settings.retain()));
		if (deleted > 0) {
			log.info("Deleted {} retired signing keys", deleted);
			reload();
		}
		return deleted;
	}

	private SigningKey create() {
		Instant now = this.clock.instant();
		SigningKey key = SigningKey.generate(now, now.plus(this.settings.publishAhead()));
		this.signingKeys.add(key);
		log.info("Generated signing key {}, signing from {}", key.keyId(), key.signsFrom());
		return key;
	}

	/** Whether a newer key started signing at or before {@code cutoff}: the rule of the DELETE too. */
	private static boolean replacedBefore(SigningKey key, List<SigningKey> all, Instant cutoff) {
		return all.stream()
			.anyMatch(newer -> newer.signsFrom().isAfter(key.signsFrom()) && !newer.signsFrom().isAfter(cutoff));
	}

	private static List<SigningKey> requireAKey(List<SigningKey> keys) {
		if (keys.isEmpty()) {
			throw new IllegalStateException("No signing key in the database");
		}
		return List.copyOf(keys);
	}
}
