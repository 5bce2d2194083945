package com.coastline.automation.run;

/**
 * Where a run stands.
 * <pre>
 * PENDING ──claimed──▶ PROCESSING ──SendEmail recorded──▶ EMAIL_REQUESTED ──EmailSent──▶ SENT
 *    ▲                   │  │  │                                   └──────EmailFailed──▶ FAILED
 *    │                   │  │  └─ nothing to send (contact archived, no email) ──▶ SKIPPED
 *    │                   │  └─ last attempt failed ───────────────────────────────▶ FAILED
 *    │                   └─ identity down, project or contact not known yet ──▶ WAITING_FOR_RETRY ─(due)─▶ PROCESSING
 *    └──────── retried from the back office (FAILED or SKIPPED) ───────────────────────┘
 * </pre>
 * A PROCESSING run whose processor died is due again when its lease runs out.
 */
public enum RunStatus {

	/** Recorded from its trigger event; the run processor carries it out shortly. */
	PENDING,

	/** A run processor is preparing its email (filling in values, minting the portal link). */
	PROCESSING,

	/** The last attempt could not complete (see the last error); the next one is due at a set time. */
	WAITING_FOR_RETRY,

	/** The SendEmail command is recorded (and published after commit); notification has not answered yet. */
	EMAIL_REQUESTED,

	/** Notification reported the email accepted by the SMTP server. Final. */
	SENT,

	/** The email could not be prepared or notification gave up on it. A later EmailSent still wins. */
	FAILED,

	/** There was nothing to send, with the reason (the client has no email address, say). */
	SKIPPED
}
