package com.coastline.identity.signin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stores codes as {@code HMAC-SHA256(pepper, attempt id ‖ code)}. The pepper lives in configuration, not
 * in the database, so a copy of the database alone cannot try the million codes offline; binding the
 * attempt id makes a code useless in any other attempt.
 */
final class CodePepper {

	private static final String ALGORITHM = "HmacSHA256";

	private final String currentId;

	private final Map<String, SecretKeySpec> keys;

	CodePepper(SignInProperties.Pepper pepper) {
		Map<String, SecretKeySpec> keys = new HashMap<>();
		pepper.keys().forEach((id, secret) -> {
			byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
			if (bytes.length < 32) {
				throw new IllegalArgumentException("Code pepper '" + id + "' must be at least 32 bytes");
			}
			keys.put(id, new SecretKeySpec(bytes, ALGORITHM));
		});
		if (!keys.containsKey(pepper.currentId())) {
			throw new IllegalArgumentException("The current code pepper '" + pepper.currentId() + "' is not configured");
		}
		this.currentId = pepper.currentId();
		this.keys = Map.copyOf(keys);
	}

	String currentId() {
		return this.currentId;
	}

	byte[] hash(String pepperId, UUID attemptId, String code) {
		SecretKeySpec key = this.keys.get(pepperId);
		if (key == null) {
			// A code hashed with a pepper that has since been dropped: it cannot be right any more.
			return null;
		}
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			mac.update(ByteBuffer.allocate(16)
				.putLong(attemptId.getMostSignificantBits())
				.putLong(attemptId.getLeastSignificantBits())
				.array());
			return mac.doFinal(code.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	/** Constant-time comparison of a stored hash with the hash of what was typed. */
	boolean matches(String pepperId, UUID attemptId, String code, byte[] stored) {
		byte[] typed = hash(pepperId, attemptId, code);
		return typed != null && MessageDigest.isEqual(typed, stored);
	}
}
