package com.coastline.identity.key;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a signing key's private JWK for the database: AES-256-GCM under the current key-encryption
 * key (KEK), with the key id (kid) as associated data, so that a sealed value moved to another row
 * does not open. Stored form: a 12-byte random nonce followed by the ciphertext and its 16-byte tag.
 * <p>
 * Messages name key ids, never key material.
 */
final class KeyEncryption {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final int KEY_BYTES = 32;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String currentKeyId;

	private final Map<String, SecretKeySpec> keys;

	private KeyEncryption(String currentKeyId, Map<String, SecretKeySpec> keys) {
		this.currentKeyId = currentKeyId;
		this.keys = Map.copyOf(keys);
	}

	/**
	 * @throws IllegalArgumentException when a KEK is not base64 of 256 bits, or the current one is missing
	 */
	static KeyEncryption of(SigningKeyProperties.Encryption settings) {
		Map<String, String> configured = new HashMap<>(settings.keys());
		if (settings.currentKey() != null && !settings.currentKey().isBlank()) {
			String other = configured.putIfAbsent(settings.currentKeyId(), settings.currentKey());
			if (other != null && !other.equals(settings.currentKey())) {
				throw new IllegalArgumentException("Key-encryption key '" + settings.currentKeyId()
						+ "' is configured twice with different values (current-key and keys)");
			}
		}
		Map<String, SecretKeySpec> keys = new HashMap<>();
		configured.forEach((id, value) -> keys.put(id, new SecretKeySpec(decode(id, value), "AES")));
		if (!keys.containsKey(settings.currentKeyId())) {
			throw new IllegalArgumentException("The current key-encryption key '" + settings.currentKeyId()
					+ "' is not configured (coastline.identity.keys.encryption)");
		}
		return new KeyEncryption(settings.currentKeyId(), keys);
	}

	String currentKeyId() {
		return this.currentKeyId;
	}

	/** The private JWK's JSON sealed with the current KEK for the key {@code kid}. */
	byte[] seal(String kid, String privateJwk) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			byte[] sealed = cipher(Cipher.ENCRYPT_MODE, this.keys.get(this.currentKeyId), nonce, kid)
				.doFinal(privateJwk.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is part of every JDK", ex);
		}
	}

	/**
	 * The private JWK's JSON of the key {@code kid}, sealed with the KEK {@code kekId}.
	 * @throws UnreadableSigningKeyException when that KEK is not configured, or the value does not open with it
	 */
	String open(String kid, String kekId, byte[] sealed) {
		SecretKeySpec key = this.keys.get(kekId);
		if (key == null) {
			throw new UnreadableSigningKeyException("Signing key " + kid + " is sealed with key-encryption key '" + kekId
					+ "', which is not configured (coastline.identity.keys.encryption.keys)");
		}
		try {
			if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
				throw new AEADBadTagException("too short");
			}
			byte[] plain = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOfRange(sealed, 0, NONCE_BYTES), kid)
				.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new UnreadableSigningKeyException("Signing key " + kid + " does not open with key-encryption key '"
					+ kekId + "': a wrong key under that id, or an altered row");
		}
	}

	private static Cipher cipher(int mode, SecretKeySpec key, byte[] nonce, String kid) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

	private static byte[] decode(String id, String value) {
		byte[] bytes;
		try {
			bytes = (value.indexOf('-') >= 0 || value.indexOf('_') >= 0) ? Base64.getUrlDecoder().decode(value)
					: Base64.getDecoder().decode(value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Key-encryption key '" + id + "' is not base64");
		}
		if (bytes.length != KEY_BYTES) {
			throw new IllegalArgumentException(
					"Key-encryption key '" + id + "' must be 256 bits, not " + bytes.length * 8);
		}
		return bytes;
	}
}
