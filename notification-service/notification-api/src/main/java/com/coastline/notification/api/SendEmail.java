package com.coastline.notification.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Command: deliver one email. Notification wraps the pre-rendered content in the workspace's branded
 * layout and sends it exactly once per {@code idempotencyKey}, whatever the number of deliveries of
 * this command.
 *
 * @param commandId unique id of this command ({@code ce_id})
 * @param idempotencyKey the sender's stable key for this email, e.g. {@code automation-run:<run id>}
 * @param workspaceId the workspace the email is sent for
 * @param recipient who receives it
 * @param kind what it is for
 * @param subject subject line
 * @param text plain-text content
 * @param html HTML content (a fragment; notification adds the layout)
 * @param secrets secret values referenced from the content as {@code {{secret:name}}}, encrypted for
 * notification-service; never stored or logged in clear
 * @param correlation ids that tie the email to what caused it
 * @param requestedAt when it was requested
 */
public record SendEmail(UUID commandId, String idempotencyKey, UUID workspaceId, Recipient recipient, EmailKind kind,
		String subject, String text, String html, List<EncryptedSecret> secrets, Correlation correlation,
		Instant requestedAt) {

	/**
	 * @param email address
	 * @param name display name, or null
	 */
	public record Recipient(String email, String name) {
	}

	/**
	 * @param name how the content refers to it
	 * @param keyId which shared key encrypted it
	 * @param ciphertext AEAD ciphertext, base64url
	 */
	public record EncryptedSecret(String name, String keyId, String ciphertext) {
	}

	/**
	 * @param automationRunId the automation run that asked for it, or null
	 * @param projectId the project it is about, or null
	 * @param contactId the contact it goes to, or null
	 */
	public record Correlation(UUID automationRunId, UUID projectId, UUID contactId) {
	}
}
