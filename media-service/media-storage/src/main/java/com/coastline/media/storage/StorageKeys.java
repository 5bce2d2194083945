package com.coastline.media.storage;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The keys the stores issue: 128 random bits from {@link SecureRandom}, as 32 lower-case hex digits.
 * Only strings of exactly that shape are accepted back, so a key can never name a path outside the
 * store or an object another component put there.
 */
public final class StorageKeys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");

	private StorageKeys() {
	}

	public static String newKey() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	public static boolean isValid(String key) {
		return key != null && KEY.matcher(key).matches();
	}

	/** The key for a message: itself when valid, else a mention that it was not one (never echoed). */
	static String describe(String key) {
		return isValid(key) ? key : "(not a valid key)";
	}
}
