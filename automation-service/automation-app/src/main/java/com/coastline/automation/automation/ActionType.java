package com.coastline.automation.automation;

/** What an action of an automation does. Stored by name, so new types need no migration. */
public enum ActionType {

	/** Email the project's primary contact. */
	SEND_EMAIL
}
