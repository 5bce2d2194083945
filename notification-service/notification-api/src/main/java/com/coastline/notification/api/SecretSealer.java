package com.coastline.notification.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encryption of {@link SendEmail#secrets()} (SECURITY.md, "Secrets in messages"): AES-256-GCM with a
 * key shared by the sender and notification-service, named by a key id so that it can rotate (the
 * sender seals with the current key; notification opens with any key it still holds). The ciphertext is
 * bound to its command and its name (associated data), so it cannot be moved into another email.
 * <p>
 * Wire form of {@link SendEmail.EncryptedSecret#ciphertext()}: base64url without padding of a 12-byte
 * random nonce followed by the GCM output (ciphertext and 16-byte tag).
 */
public final class SecretSealer {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final int KEY_BYTES = 32;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String currentKeyId;

	private final Map<String, SecretKeySpec> keys;

	private SecretSealer(String currentKeyId, Map<String, SecretKeySpec> keys) {
		this.currentKeyId = currentKeyId;
		this.keys = keys;
	}

	/**
	 * @param currentKeyId the key that seals, one of {@code keys}
	 * @param keys key id → 256-bit key, base64 (standard or url-safe)
	 * @throws IllegalArgumentException when a key is not 256 bits or the current key is missing
	 */
	public static SecretSealer of(String currentKeyId, Map<String, String> keys) {
		Objects.requireNonNull(keys, "keys");
		Map<String, SecretKeySpec> decoded = new java.util.HashMap<>();
		keys.forEach((id, value) -> {
			byte[] bytes = decode(id, value);
			decoded.put(id, new SecretKeySpec(bytes, "AES"));
		});
		if (currentKeyId != null && !decoded.containsKey(currentKeyId)) {
			throw new IllegalArgumentException("The current sealing key '" + currentKeyId + "' is not configured");
		}
		return new SecretSealer(currentKeyId, Map.copyOf(decoded));
	}

	/** A new random key, base64url: what to put in configuration. */
	public static String generateKey() {
		byte[] key = new byte[KEY_BYTES];
		RANDOM.nextBytes(key);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
	}

	/** Encrypts {@code value} for the command {@code commandId} under {@code name}, with the current key. */
	public SendEmail.EncryptedSecret seal(UUID commandId, String name, String value) {
		if (this.currentKeyId == null) {
			throw new IllegalStateException("No sealing key is configured: this sealer only opens");
		}
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, this.keys.get(this.currentKeyId), nonce, commandId, name);
			byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
			byte[] wire = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
			return new SendEmail.EncryptedSecret(name, this.currentKeyId,
					Base64.getUrlEncoder().withoutPadding().encodeToString(wire));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is part of every JDK", ex);
		}
	}

	/**
	 * Decrypts a secret of the command {@code commandId}.
	 * @throws UnreadableSecretException when its key is unknown, or it was altered or moved from another
	 * command or name
	 */
	public String open(UUID commandId, SendEmail.EncryptedSecret secret) {
		if (secret == null || secret.name() == null || secret.keyId() == null || secret.ciphertext() == null) {
			throw new UnreadableSecretException("Incomplete secret");
		}
		SecretKeySpec key = this.keys.get(secret.keyId());
		if (key == null) {
			throw new UnreadableSecretException("Secret '" + secret.name() + "' is sealed with unknown key '"
					+ secret.keyId() + "'");
		}
		byte[] wire;
		try {
			wire = Base64.getUrlDecoder().decode(secret.ciphertext());
		}
		catch (IllegalArgumentException ex) {
			throw new UnreadableSecretException("Secret '" + secret.name() + "' is not base64url");
		}
		if (wire.length < NONCE_BYTES + TAG_BITS / 8) {
			throw new UnreadableSecretException("Secret '" + secret.name() + "' is too short");
		}
		byte[] nonce = java.util.Arrays.copyOfRange(wire, 0, NONCE_BYTES);
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, commandId, secret.name());
			return new String(cipher.doFinal(wire, NONCE_BYTES, wire.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new UnreadableSecretException("Secret '" + secret.name() + "' does not open with key '"
					+ secret.keyId() + "' for this command");
		}
	}

	private static Cipher cipher(int mode, SecretKeySpec key, byte[] nonce, UUID commandId, String name)
			throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD(("coastline.SendEmail\u0000" + commandId + "\u0000" + name).getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

	private static byte[] decode(String id, String value) {
		byte[] bytes;
		try {
			bytes = (value.indexOf('-') >= 0 || value.indexOf('_') >= 0) ? Base64.getUrlDecoder().decode(value)
					: Base64.getDecoder().decode(value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Sealing key '" + id + "' is not base64");
		}
		if (bytes.length != KEY_BYTES) {
			throw new IllegalArgumentException("Sealing key '" + id + "' must be 256 bits, not " + bytes.length * 8);
		}
		return bytes;
	}

	/** A secret that cannot be decrypted here. Never carries the secret or the key. */
	public static final class UnreadableSecretException extends RuntimeException {

		public UnreadableSecretException(String message) {
			super(message);
		}
	}
}
