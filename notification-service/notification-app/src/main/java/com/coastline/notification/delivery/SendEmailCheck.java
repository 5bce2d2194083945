package com.coastline.notification.delivery;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.coastline.notification.api.SecretSealer;
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

	static final int MAX_SECRET_NAME = 64;

	static final int MAX_KEY_ID = 100;

	static final int MAX_CIPHERTEXT = 2000;

	private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9_.-]{1," + MAX_SECRET_NAME + "}");

	private SendEmailCheck() {
	}

	/**
	 * @param sealer opens the command's secrets, to prove that they can be opened when the email is sent
	 */
	static void check(SendEmail command, SecretSealer sealer) {
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
		checkSecrets(command, sealer);
	}

	/**
	 * Every reference must have its secret, and every secret must open here, for this very command: one
	 * that does not (unknown or retired key, altered, copied from another command) would never open at send
	 * time either. The values are dropped at once; messages name secrets and key ids, never a value.
	 */
	private static void checkSecrets(SendEmail command, SecretSealer sealer) {
		List<SendEmail.EncryptedSecret> secrets = command.secrets() == null ? List.of() : command.secrets();
		Set<String> names = new HashSet<>();
		for (SendEmail.EncryptedSecret secret : secrets) {
			require(secret != null && secret.name() != null && SECRET_NAME.matcher(secret.name()).matches(),
					"has a secret without a usable name");
			require(names.add(secret.name()), "has secret '" + secret.name() + "' twice");
			require(secret.keyId() != null && secret.keyId().length() <= MAX_KEY_ID && secret.ciphertext() != null
					&& secret.ciphertext().length() <= MAX_CIPHERTEXT, "secret '" + secret.name() + "' is malformed");
			String value;
			try {
				value = sealer.open(command.commandId(), secret);
			}
			catch (SecretSealer.UnreadableSecretException ex) {
				throw new PoisonMessageException("Invalid SendEmail " + command.commandId() + ": " + ex.getMessage());
			}
			// The value may end up in the subject, a header: it must not be able to start another one.
			require(!hasControlCharacters(value), "secret '" + secret.name() + "' has line breaks or control characters");
		}
		Stream.of(command.subject(), command.text(), command.html())
			.flatMap(content -> SecretContent.references(content).stream())
			.filter(reference -> !names.contains(reference))
			.findFirst()
			.ifPresent(reference -> {
				throw new PoisonMessageException("Invalid SendEmail " + command.commandId() + ": references secret '"
						+ shorten(reference) + "', which it does not carry");
			});
	}

	private static String shorten(String name) {
		String printable = name.replaceAll("\\p{Cntrl}", "?");
		return printable.length() <= MAX_SECRET_NAME ? printable : printable.substring(0, MAX_SECRET_NAME) + "…";
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
