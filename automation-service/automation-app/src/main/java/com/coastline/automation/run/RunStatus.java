package com.coastline.automation.run;

/** Where a run stands. Its one action asks notification-service for an email, which reports back. */
public enum RunStatus {

	/** The SendEmail command is recorded (and published after commit); notification has not answered yet. */
	EMAIL_REQUESTED,

	/** Notification reported the email accepted by the SMTP server. Final. */
	EMAIL_SENT,

	/** Notification gave up on the email. A later EmailSent (after a replay, say) still wins. */
	EMAIL_FAILED
}
