package com.coastline.identity.signin;

import java.util.Comparator;
import java.util.List;

import com.coastline.notification.api.NotificationTopics;
import com.coastline.notification.api.SecretSealer;
import com.coastline.notification.api.SendEmail;
import com.coastline.platform.test.kafka.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The code emails identity asked for: the {@code SendEmail} commands in its outbox (written in the
 * request's transaction, so counting them needs no waiting) and on {@code notification.commands}, opened
 * with the shared sealing key as notification-service opens them.
 */
public final class CodeMailbox {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcTemplate jdbc;

	private final String bootstrapServers;

	private final SecretSealer sealer;

	public CodeMailbox(JdbcTemplate jdbc, String bootstrapServers, SecretSealer sealer) {
		this.jdbc = jdbc;
		this.bootstrapServers = bootstrapServers;
		this.sealer = sealer;
	}

	/** The commands to this address, oldest first. */
	public List<SendEmail> to(String email) {
		return this.jdbc
			.queryForList("select serialized_event from event_publication where event_type like '%.SendEmail'"
					+ " and cast(serialized_event as jsonb) -> 'recipient' ->> 'email' = ?", String.class, email)
			.stream()
			.map(json -> JSON.readValue(json, SendEmail.class))
			.sorted(Comparator.comparing(SendEmail::requestedAt))
			.toList();
	}

	/** The code of the newest email to the address, decrypted. */
	public String latestCode(String email) {
		List<SendEmail> mails = to(email);
		if (mails.isEmpty()) {
			throw new AssertionError("No code email to " + email);
		}
		return open(mails.get(mails.size() - 1));
	}

	public String open(SendEmail command) {
		return this.sealer.open(command.commandId(), command.secrets().get(0));
	}

	/** The raw values of the records on {@code notification.commands} addressed to the email. */
	public List<String> onTheWire(String email) {
		return new TopicRecords(this.bootstrapServers).readAll(NotificationTopics.COMMANDS)
			.stream()
			.map(ConsumerRecord::value)
			.filter(value -> value.contains(email))
			.toList();
	}
}
