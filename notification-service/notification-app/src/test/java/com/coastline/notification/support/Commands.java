package com.coastline.notification.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.coastline.notification.api.EmailKind;
import com.coastline.notification.api.NotificationTopics;
import com.coastline.notification.api.SecretSealer;
import com.coastline.notification.api.SendEmail;
import com.coastline.platform.test.kafka.TopicRecords;
import tools.jackson.databind.json.JsonMapper;

/** Builds {@link SendEmail} commands and puts them on {@code notification.commands} as automation-service does. */
public final class Commands {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final TopicRecords topics;

	public Commands(TopicRecords topics) {
		this.topics = topics;
	}

	/** A valid command to a recipient no other test uses. */
	public static SendEmail sendEmail(UUID workspace) {
		String unique = UUID.randomUUID().toString();
		UUID run = UUID.randomUUID();
		return new SendEmail(UUID.randomUUID(), "automation-run:" + run, workspace,
				new SendEmail.Recipient("dana+" + unique + "@example.com", "Dana Reyes"), EmailKind.AUTOMATION,
				"Your project is approved " + unique, "Hi Dana, your project Roof replacement is approved.",
				"<p>Hi Dana, your project <b>Roof replacement</b> is approved.</p>", List.of(),
				new SendEmail.Correlation(run, UUID.randomUUID(), UUID.randomUUID()), Instant.now());
	}

	/**
	 * A sign-in code email as identity-service sends it: the code referenced from subject, text and HTML,
	 * sealed for this command with {@code sealer}, to a recipient no other test uses.
	 */
	public static SendEmail signInCode(UUID workspace, SecretSealer sealer, String code) {
		UUID commandId = UUID.randomUUID();
		String unique = UUID.randomUUID().toString();
		return new SendEmail(commandId, "sign-in-code:" + unique, workspace,
				new SendEmail.Recipient("sam+" + unique + "@example.com", null), EmailKind.SIGN_IN_CODE,
				"{{secret:code}} is your sign-in code for Summit Roofing",
				"Your sign-in code is {{secret:code}}. It is valid for 10 minutes.",
				"<p>Your sign-in code is <b>{{ secret:code }}</b>. It is valid for 10 minutes.</p>",
				List.of(sealer.seal(commandId, "code", code)), new SendEmail.Correlation(null, null, null), Instant.now());
	}

	/** The same command with other secrets. */
	public static SendEmail withSecrets(SendEmail command, List<SendEmail.EncryptedSecret> secrets) {
		return new SendEmail(command.commandId(), command.idempotencyKey(), command.workspaceId(), command.recipient(),
				command.kind(), command.subject(), command.text(), command.html(), secrets, command.correlation(),
				command.requestedAt());
	}

	/** The ciphertext with one character in its middle changed (a whole base64 digit, so a changed byte). */
	public static String tampered(String ciphertext) {
		int middle = ciphertext.length() / 2;
		char changed = ciphertext.charAt(middle) == 'A' ? 'B' : 'A';
		return ciphertext.substring(0, middle) + changed + ciphertext.substring(middle + 1);
	}

	public static SendEmail to(SendEmail command, String email) {
		return new SendEmail(command.commandId(), command.idempotencyKey(), command.workspaceId(),
				new SendEmail.Recipient(email, command.recipient().name()), command.kind(), command.subject(),
				command.text(), command.html(), command.secrets(), command.correlation(), command.requestedAt());
	}

	/** The same command about another contact and project, asked for at {@code requestedAt}. */
	public static SendEmail about(SendEmail command, UUID contactId, UUID projectId, Instant requestedAt) {
		UUID run = command.correlation() == null ? null : command.correlation().automationRunId();
		return new SendEmail(command.commandId(), command.idempotencyKey(), command.workspaceId(), command.recipient(),
				command.kind(), command.subject(), command.text(), command.html(), command.secrets(),
				new SendEmail.Correlation(run, projectId, contactId), requestedAt);
	}

	public static SendEmail withSubject(SendEmail command, String subject) {
		return new SendEmail(command.commandId(), command.idempotencyKey(), command.workspaceId(), command.recipient(),
				command.kind(), subject, command.text(), command.html(), command.secrets(), command.correlation(),
				command.requestedAt());
	}

	/** The same email asked for again under the same idempotency key, as a new command (new id). */
	public static SendEmail again(SendEmail command) {
		return new SendEmail(UUID.randomUUID(), command.idempotencyKey(), command.workspaceId(), command.recipient(),
				command.kind(), command.subject(), command.text(), command.html(), command.secrets(),
				command.correlation(), Instant.now());
	}

	/** Sends the command: key = idempotency key, CloudEvents headers, JSON payload. */
	public void send(SendEmail command) {
		send(command.idempotencyKey(), command.commandId().toString(), JSON.writeValueAsString(command));
	}

	/** Sends any payload as a SendEmail command (for poison). */
	public void send(String key, String commandId, String payload) {
		topics.send(NotificationTopics.COMMANDS, key, payload,
				Map.of("ce_id", commandId, "ce_type", NotificationTopics.SEND_EMAIL, "ce_source", "/automation-service",
						"ce_specversion", "1.0", "ce_time", Instant.now().toString(), "content-type", "application/json"));
	}
}
