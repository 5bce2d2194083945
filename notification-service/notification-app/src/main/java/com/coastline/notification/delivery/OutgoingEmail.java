package com.coastline.notification.delivery;

import java.util.UUID;

/**
 * What goes to the SMTP server for one delivery, read in a short transaction before sending.
 *
 * @param deliveryId also the left part of the {@code Message-ID}
 * @param recipientEmail the address
 * @param recipientName display name, or null
 * @param subject subject line
 * @param text plain-text part
 * @param html the complete HTML document (content inside the layout), or null for a text-only email
 */
public record OutgoingEmail(UUID deliveryId, String recipientEmail, String recipientName, String subject, String text,
		String html) {

	@Override
	public String toString() {
		return "OutgoingEmail[" + deliveryId + " to " + EmailAddresses.mask(recipientEmail) + "]";
	}
}
