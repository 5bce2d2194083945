package com.coastline.backoffice.screens;

/** No live staff session (none, ended, or refused by a service): the screens send to the sign-in page. */
public class SignInRequiredException extends RuntimeException {

	public SignInRequiredException() {
		super("No live staff session");
	}
}
