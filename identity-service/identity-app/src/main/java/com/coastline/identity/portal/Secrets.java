package com.coastline.identity.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The bearer secrets of signing in (one-tap link tokens, session ids): 256 random bits from
 * {@link SecureRandom}, base64url without padding (43 characters). Only their SHA-256 is stored: a
 * secret of 256 random bits needs no salt or slow hash, and a look-up by hash compares no secret
 * byte by byte in Java.
 */
public final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int BYTES = 32;

	private Secrets() {
	}

	public static String generate() {
		byte[] bytes = new byte[BYTES];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The stored form of a secret. Any string hashes (so that every wrong one takes the same path). */
	public static byte[] hash(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}
}
