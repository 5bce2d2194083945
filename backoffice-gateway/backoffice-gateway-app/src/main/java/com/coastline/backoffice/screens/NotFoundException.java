package com.coastline.backoffice.screens;

/**
 * What a screen shows is not there: an unknown or malformed id, or another workspace's (the services answer 404 for
 * those, since the token names the member's workspace only). The 404 page.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what + " not found");
	}
}
