package com.coastline.notification.delivery;

/** What became of one attempt to hand an email to the SMTP server. */
public sealed interface SmtpOutcome {

	/** The server accepted the email. */
	record Accepted() implements SmtpOutcome {
	}

	/** Refused for good (5xx for the recipient, or a message that cannot be built): no further attempt. */
	record Rejected(String reason) implements SmtpOutcome {
	}

	/** Failed for a reason that may pass (server unreachable, 4xx): try again later. */
	record Deferred(String reason) implements SmtpOutcome {
	}

	/** Not attempted: the circuit to the SMTP server is open. */
	record NotAttempted() implements SmtpOutcome {
	}
}
