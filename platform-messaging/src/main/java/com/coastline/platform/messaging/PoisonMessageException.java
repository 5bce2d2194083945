package com.coastline.platform.messaging;

/**
 * A message that can never be processed (unreadable, invalid, missing its id). It is not retried:
 * it goes straight to the dead-letter topic and the partition keeps flowing.
 */
public class PoisonMessageException extends RuntimeException {

	public PoisonMessageException(String message) {
		super(message);
	}

	public PoisonMessageException(String message, Throwable cause) {
		super(message, cause);
	}
}
