package com.coastline.identity.key;

/**
 * A stored signing key that cannot be read: its key-encryption key is not configured or does not open
 * it, or the row was altered. It stops start-up (and a reload keeps the keys it had). The message names
 * the kid and the KEK id, never key material.
 */
public class UnreadableSigningKeyException extends RuntimeException {

	UnreadableSigningKeyException(String message) {
		super(message);
	}
}
