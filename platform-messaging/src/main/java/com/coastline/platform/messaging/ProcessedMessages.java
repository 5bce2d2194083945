package com.coastline.platform.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/** The ids of the messages each consumer group has processed, in the service's own database. */
public class ProcessedMessages {

	private static final Logger log = LoggerFactory.getLogger(ProcessedMessages.class);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final MessagingProperties.ProcessedMessages settings;

	ProcessedMessages(JdbcTemplate jdbc, Clock clock, MessagingProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = properties.processedMessages();
	}

	/**
	 * Records the message as processed by the group, in the caller's transaction. Returns false when
	 * it already was: a concurrent delivery of the same id waits on the primary key until the first
	 * transaction ends, then sees the row.
	 */
	boolean markProcessed(String consumerGroup, String messageId) {
		return jdbc.update("""
				insert into processed_message (consumer_group, message_id, processed_at)
				values (?, ?, ?)
				on conflict do nothing
				""", consumerGroup, messageId, Timestamp.from(clock.instant())) == 1;
	}

	public boolean isProcessed(String consumerGroup, String messageId) {
		Integer rows = jdbc.queryForObject(
				"select count(*) from processed_message where consumer_group = ? and message_id = ?", Integer.class,
				consumerGroup, messageId);
		return rows != null && rows > 0;
	}

	@Scheduled(fixedDelayString = "${coastline.messaging.processed-messages.purge-interval:1h}")
	@SchedulerLock(name = "processed-message-purge", lockAtMostFor = "PT10M")
	void purgeOnSchedule() {
		purgeExpired();
	}

	/** Forgets the ids older than the retention; returns how many. */
	public int purgeExpired() {
		Instant cutoff = clock.instant().minus(settings.retention());
		int purged = jdbc.update("delete from processed_message where processed_at < ?", Timestamp.from(cutoff));
		if (purged > 0) {
			log.info("Purged {} processed message ids older than {}", purged, cutoff);
		}
		return purged;
	}
}
