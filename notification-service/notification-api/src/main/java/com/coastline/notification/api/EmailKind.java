package com.coastline.notification.api;

/** What an email is for. */
public enum EmailKind {

	/** A 6-digit sign-in code. */
	SIGN_IN_CODE,

	/** Sent by an automation of the contractor. */
	AUTOMATION,

	/** A test email from the back office. */
	TEST
}
