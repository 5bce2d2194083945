package com.coastline.notification.api;

/** Topics and CloudEvents types of notification-service: the commands it takes and the events it publishes. */
public final class NotificationTopics {

	/** {@link SendEmail} commands, keyed by idempotency key; short retention (they may reference secrets). */
	public static final String COMMANDS = "notification.commands";

	/** {@link EmailSent} and {@link EmailFailed}, keyed by idempotency key. */
	public static final String EVENTS = "notification.events";

	public static final String SEND_EMAIL = "coastline.notification.SendEmail.v1";

	public static final String EMAIL_SENT = "coastline.notification.EmailSent.v1";

	public static final String EMAIL_FAILED = "coastline.notification.EmailFailed.v1";

	private NotificationTopics() {
	}
}
