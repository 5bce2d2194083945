package com.coastline.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.coastline.notification.config.NotificationProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Addresses an SMTP server rejected for good (5xx for the recipient), per workspace, for
 * {@code coastline.notification.undeliverable-for} (7 days by default). While an address is marked, the
 * {@link EmailSender} fails the workspace's further emails to it at once with the reason
 * {@value #REASON}, without any attempt at SMTP; sign-in codes are still tried (a client must always be
 * able to get one). An email the server accepts clears the mark, as does the back office.
 * <p>
 * Per workspace, not global: one workspace's typo or bounce never stops another workspace's emails nor
 * tells it anything about an address. Only a SHA-256 of the normalised address (trimmed, lower case) and
 * its masked form are stored, never the address; logs and the API show the masked form only. Every query
 * names its workspace explicitly, so one workspace can neither see nor clear another's marks.
 */
@Component
public class UndeliverableAddresses {

	/** The {@code EmailFailed.reason} (and {@code lastError}) of an email not sent to a marked address. */
	public static final String REASON = "undeliverable";

	/** Counter {@code coastline.notification.undeliverable{action=marked|suppressed|cleared}}. */
	public static final String METER = "coastline.notification.undeliverable";

	private static final Logger log = LoggerFactory.getLogger(UndeliverableAddresses.class);

	private static final int MAX_REASON = 500;

	private static final RowMapper<Mark> MARK = (row, n) -> new Mark(row.getString("masked_address"),
			row.getString("reason"), row.getObject("delivery_id", UUID.class),
			row.getObject("marked_at", java.time.OffsetDateTime.class).toInstant(),
			row.getObject("expires_at", java.time.OffsetDateTime.class).toInstant());

	private final JdbcTemplate jdbc;

	private final Duration period;

	private final Clock clock;

	private final MeterRegistry meters;

	UndeliverableAddresses(JdbcTemplate jdbc, NotificationProperties properties, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.period = properties.undeliverableFor();
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * A marked address as the back office sees it.
	 *
	 * @param address the address, masked ({@code d***@example.com})
	 * @param reason the server's rejection, with addresses masked
	 * @param deliveryId the delivery that was rejected
	 * @param markedAt when it was (last) rejected
	 * @param expiresAt until when emails to it fail at once
	 */
	public record Mark(String address, String reason, UUID deliveryId, Instant markedAt, Instant expiresAt) {
	}

	/** How an address is stored and looked up: SHA-256 (hex) of the trimmed, lower-case address. */
	public static String hash(String address) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(address.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * Marks the address undeliverable in the workspace from {@code now} for the configured period, or
	 * again (a later rejection extends the period). Nothing when the period is zero. Meant to run in the
	 * caller's transaction, the one that records the delivery's outcome.
	 */
	public void mark(UUID workspace, String address, String reason, UUID deliveryId, Instant now) {
		if (period.isZero()) {
			return;
		}
		String shortened = reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
		jdbc.update("""
				insert into undeliverable_address (workspace_id, address_hash, masked_address, reason, delivery_id,
				                                   marked_at, expires_at)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (workspace_id, address_hash) do update
				   set masked_address = excluded.masked_address, reason = excluded.reason,
				       delivery_id = excluded.delivery_id, marked_at = excluded.marked_at, expires_at = excluded.expires_at
				""", workspace, hash(address), EmailAddresses.mask(address), EmailAddresses.maskAll(shortened), deliveryId,
				now.atOffset(ZoneOffset.UTC), now.plus(period).atOffset(ZoneOffset.UTC));
		count("marked");
		log.info("Address {} is undeliverable in workspace {} until {} (delivery {})", EmailAddresses.mask(address),
				workspace, now.plus(period), deliveryId);
	}

	/** The address's mark in the workspace, if it is marked at {@code now}. */
	public Optional<Mark> find(UUID workspace, String address, Instant now) {
		return jdbc.query("""
				select * from undeliverable_address
				 where workspace_id = ? and address_hash = ? and expires_at > ?
				""", MARK, workspace, hash(address), now.atOffset(ZoneOffset.UTC)).stream().findFirst();
	}

	/** Until when each of the addresses is marked at {@code now}, by {@link #hash}; unmarked ones are absent. */
	public Map<String, Instant> markedUntil(UUID workspace, Collection<String> addresses, Instant now) {
		Map<String, Instant> until = new HashMap<>();
		if (addresses.isEmpty()) {
			return until;
		}
		String[] hashes = addresses.stream().map(UndeliverableAddresses::hash).distinct().toArray(String[]::new);
		jdbc.query("""
				select address_hash, expires_at from undeliverable_address
				 where workspace_id = ? and address_hash = any (?) and expires_at > ?
				""", row -> {
			until.put(row.getString(1), row.getObject(2, java.time.OffsetDateTime.class).toInstant());
		}, workspace, hashes, now.atOffset(ZoneOffset.UTC));
		return until;
	}

	/** The workspace's marked addresses at {@code now}, the latest marked first. */
	public List<Mark> list(UUID workspace, Instant now, int limit) {
		return jdbc.query("""
				select * from undeliverable_address
				 where workspace_id = ? and expires_at > ?
				 order by marked_at desc, address_hash
				 limit ?
				""", MARK, workspace, now.atOffset(ZoneOffset.UTC), limit);
	}

	/**
	 * Clears the address's mark in the workspace (the back office, or an email to it that was accepted).
	 * @return whether it was marked
	 */
	public boolean clear(UUID workspace, String address) {
		boolean cleared = jdbc.update("delete from undeliverable_address where workspace_id = ? and address_hash = ?",
				workspace, hash(address)) > 0;
		if (cleared) {
			count("cleared");
			log.info("Address {} is no longer undeliverable in workspace {}", EmailAddresses.mask(address), workspace);
		}
		return cleared;
	}

	/** Counts an email not sent because its address is marked. */
	public void suppressed() {
		count("suppressed");
	}

	/** Deletes marks that ran out, so that no hash is kept longer than it is used. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	void purgeExpired() {
		int purged = jdbc.update("delete from undeliverable_address where expires_at <= ?",
				clock.instant().atOffset(ZoneOffset.UTC));
		if (purged > 0) {
			log.info("Purged {} expired undeliverable address mark(s)", purged);
		}
	}

	private void count(String action) {
		meters.counter(METER, "action", action).increment();
	}
}
