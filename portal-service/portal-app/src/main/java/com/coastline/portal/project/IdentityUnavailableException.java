package com.coastline.portal.project;

/** identity-service did not answer (down, slow, failing, or its circuit is open): 503 with {@code Retry-After}. */
public class IdentityUnavailableException extends RuntimeException {

	IdentityUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}
}
