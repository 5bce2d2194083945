package com.coastline.backoffice.signin;

/** identity-service did not answer (down, 5xx, timeout, open circuit): sign-in and the token swap wait for it. */
public class IdentityUnavailableException extends RuntimeException {

	IdentityUnavailableException(Throwable cause) {
		super("identity-service is unavailable", cause);
	}
}
