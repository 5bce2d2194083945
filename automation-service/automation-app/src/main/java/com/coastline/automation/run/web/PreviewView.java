package com.coastline.automation.run.web;

import com.coastline.automation.run.TryOut;

/**
 * A rendered automation email.
 * @param recipientEmail the project's client's address, or null when not known yet
 * @param recipientName their name, or null
 * @param subject the subject
 * @param text the plain-text part
 * @param html the HTML body (before notification-service's layout)
 */
record PreviewView(String recipientEmail, String recipientName, String subject, String text, String html) {

	static PreviewView of(TryOut.Preview preview) {
		return new PreviewView(preview.recipient() == null ? null : preview.recipient().email(),
				preview.recipient() == null ? null : preview.recipient().name(), preview.email().subject(),
				preview.email().text(), preview.email().html());
	}
}
