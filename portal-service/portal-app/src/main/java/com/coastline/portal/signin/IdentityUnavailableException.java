package com.coastline.portal.signin;

/** identity-service did not answer (down, slow, failing, or its circuit is open): the "try again" page. */
public class IdentityUnavailableException extends RuntimeException {

	IdentityUnavailableException(Throwable cause) {
		super("identity-service is unavailable", cause);
	}
}
