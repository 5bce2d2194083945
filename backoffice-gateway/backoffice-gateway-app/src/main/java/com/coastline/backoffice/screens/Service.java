package com.coastline.backoffice.screens;

/**
 * The services whose back-office APIs the screens call, by the names of their settings
 * ({@code coastline.backoffice.routing.services.<id>}: the same addresses the routes use).
 */
public enum Service {

	IDENTITY("identity"), PROJECT("project"), MEDIA("media"), PORTAL("portal"), AUTOMATION("automation"),
	NOTIFICATION("notification");

	private final String id;

	Service(String id) {
		this.id = id;
	}

	/** The name of its settings. */
	public String id() {
		return this.id;
	}
}
