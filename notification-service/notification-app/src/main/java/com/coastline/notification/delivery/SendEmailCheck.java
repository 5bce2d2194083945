package com.coastline.notification.delivery;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.coastline.notification.api.SendEmail;
import com.coastline.platform.messaging.PoisonMessageException;
import com.coastline.platform.web.tenant.Tenant;

/**
 * The rules a {@link SendEmail} must meet before it is recorded. A command that breaks one can never be
 * delivered, so it is poison: straight to the dead-letter topic, never retried. Messages name the rule,
 * never the recipient.
 */
final class SendEmailCheck {

	static final int MAX_IDEMPOTENCY_KEY = 200;

	static final int MAX_SUBJECT = 500;

	static final int MAX_NAME = 200;

	private static final Pattern SECRET_REFERENCE = Pattern.compile("\\{\\{\\s*secret:([^}]*)}}");

	private SendEmailCheck() {
	}

	static void check(SendEmail command) {
		require(command.commandId() != null, "has no commandId");
		UUID workspace = command.workspaceId();
		require(workspace != null && !Tenant.NO_WORKSPACE.equals(workspace) && !Tenant.ROOT.equals(workspace),
				"names no workspace");
		require(command.idempotencyKey() != null && !command.idempotencyKey().isBlank()
				&& command.idempotencyKey().length() <= MAX_IDEMPOTENCY_KEY && !hasControlCharacters(command.idempotencyKey()),
				"has no usable idempotencyKey");
		require(command.kind() != null, "has no kind");
		require(command.recipient() != null && EmailAddresses.isSingleAddress(command.recipient().email()),
				"recipient is not a single valid email address");
		String name = command.recipient().name();
		require(name == null || (name.length() <= MAX_NAME && !hasControlCharacters(name)),
				"recipient name has line breaks or control characters, or is too long");
		require(command.subject() != null && !command.subject().isBlank(), "has a blank subject");
		require(command.subject().length() <= MAX_SUBJECT && !hasControlCharacters(command.subject()),
				"subject has line breaks or control characters, or is too long");
		require(command.text() != null, "has no text content");
		checkSecrets(command);
	}

	/**
	 * No secret can be decrypted yet: the AEAD key shared with identity-service (SECURITY.md, "Secrets in
	 * messages") arrives with the sign-in issue, which adds decryption here. Until then a command that
	 * carries or references a secret is refused rather than sent with a hole in it.
	 */
	private static void checkSecrets(SendEmail command) {
		List<SendEmail.EncryptedSecret> secrets = command.secrets() == null ? List.of() : command.secrets();
		for (SendEmail.EncryptedSecret secret : secrets) {
			String name = secret == null ? "?" : secret.name();
			throw new PoisonMessageException("SendEmail " + command.commandId() + " references secret '" + name
					+ "', which notification-service cannot decrypt");
		}
		Stream.of(command.subject(), command.text(), command.html()).filter(content -> content != null).forEach(content -> {
			Matcher reference = SECRET_REFERENCE.matcher(content);
			if (reference.find()) {
				throw new PoisonMessageException("SendEmail " + command.commandId() + " references secret '"
						+ reference.group(1).strip() + "', which notification-service cannot decrypt");
			}
		});
	}

	private static boolean hasControlCharacters(String value) {
		return value.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
	}

	private static void require(boolean rule, String broken) {
		if (!rule) {
			throw new PoisonMessageException("Invalid SendEmail: " + broken);
		}
	}
}
