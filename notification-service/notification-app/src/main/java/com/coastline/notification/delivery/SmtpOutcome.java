package com.coastline.notification.delivery;

/** What became of one attempt to hand an email to the SMTP server. */
public sealed interface SmtpOutcome {

	/** The server accepted the email. */
	record Accepted() implements SmtpOutcome {
	}

	/** Refused for good (a message that cannot be built, a secret that no longer opens): no further attempt. */
	record Rejected(String reason) implements SmtpOutcome {
	}

	/**
	 * The server refused the recipient for good (5xx): no further attempt, and the address is
	 * {@link UndeliverableAddresses undeliverable} in the workspace for a while.
	 */
	record RecipientRejected(String reason) implements SmtpOutcome {
	}

	/** Not handed to the server: the address is marked undeliverable in the workspace. */
	record Undeliverable() implements SmtpOutcome {
	}

	/** Failed for a reason that may pass (server unreachable, 4xx): try again later. */
	record Deferred(String reason) implements SmtpOutcome {
	}

	/** Not attempted: the circuit to the SMTP server is open. */
	record NotAttempted() implements SmtpOutcome {
	}
}
