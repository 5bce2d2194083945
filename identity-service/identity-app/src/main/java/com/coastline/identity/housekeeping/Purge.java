package com.coastline.identity.housekeeping;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.coastline.identity.portal.PortalSessions;
import com.coastline.identity.portal.SignInClock;
import com.coastline.identity.staff.StaffSessions;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the sign-in records nobody needs any more, every {@code coastline.identity.purge.interval}
 * on one replica at a time (ShedLock, lock {@value #LOCK}):
 * <ul>
 * <li>portal sessions that ended or expired (idle or absolute) more than {@code keep} ago;</li>
 * <li>portal links that expired or were revoked more than {@code keep} ago, with their sessions;</li>
 * <li>audit events older than {@code audit-keep};</li>
 * <li>email codes expired for a day and throttles untouched for two days, once their tables exist.</li>
 * </ul>
 * Rows go in batches of {@code batch-size}, each batch a short transaction of its own that skips rows
 * locked by live work, so a backlog never holds long locks. "Now" is the {@link SignInClock}, the
 * time the expiries were decided with. Platform tables (outbox, processed messages) are
 * platform-messaging's business.
 */
@Component
public class Purge {

	static final String LOCK = "identity-purge";

	static final String METER = "coastline.identity.purged";

	static final Duration CODE_KEEP = Duration.ofDays(1);

	static final Duration THROTTLE_KEEP = Duration.ofDays(2);

	private static final Logger log = LoggerFactory.getLogger(Purge.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final SignInClock clock;

	private final MeterRegistry meters;

	private final PurgeProperties properties;

	Purge(JdbcTemplate jdbc, PlatformTransactionManager transactions, SignInClock clock, MeterRegistry meters,
			PurgeProperties properties) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.meters = meters;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${coastline.identity.purge.interval:1h}")
	@SchedulerLock(name = LOCK, lockAtMostFor = "PT30M")
	void purgeOnSchedule() {
		run();
	}

	/** Purges now, whatever other replicas do; the rows deleted per table. */
	public Map<String, Integer> run() {
		Instant now = this.clock.now();
		Instant cutoff = now.minus(this.properties.keep());
		Map<String, Integer> purged = new LinkedHashMap<>();
		purged.put("portal_session", inBatches("""
				delete from portal_session where id in (
				  select id from portal_session where ended_at < ? or absolute_expires_at < ? or last_seen_at < ?
				  limit ? for update skip locked)""", at(cutoff), at(cutoff), at(cutoff.minus(PortalSessions.IDLE))));
		purgeLinks(cutoff, purged);
		purged.put("staff_session", inBatches("""
				delete from staff_session where id in (
				  select id from staff_session where ended_at < ? or absolute_expires_at < ? or last_seen_at < ?
				  limit ? for update skip locked)""", at(cutoff), at(cutoff), at(cutoff.minus(StaffSessions.IDLE))));
		purged.put("audit_event", inBatches("""
				delete from audit_event where id in (select id from audit_event where at < ? limit ?)""",
				at(now.minus(this.properties.auditKeep()))));
		purgeEmailCodes(now, purged);

		purged.forEach((table, rows) -> this.meters.counter(METER, "table", table).increment(rows));
		if (purged.values().stream().anyMatch(rows -> rows > 0)) {
			log.info("Purged sign-in records: {}", purged);
		}
		return purged;
	}

	/**
	 * Links and the sessions that came from them, which must go first (foreign key). Those sessions are
	 * all long over: a session lives at most 12 hours within its link's 30 days, and revoking a link ends
	 * its sessions.
	 */
	private void purgeLinks(Instant cutoff, Map<String, Integer> purged) {
		int links = 0;
		int sessions = 0;
		int selected;
		do {
			int[] deleted = this.transactions.execute(status -> {
				List<UUID> ids = this.jdbc.queryForList("""
						select id from portal_link where expires_at < ? or revoked_at < ?
						limit ? for update skip locked""", UUID.class, at(cutoff), at(cutoff),
						this.properties.batchSize());
				if (ids.isEmpty()) {
					return new int[] { 0, 0, 0 };
				}
				String array = ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
				return new int[] { ids.size(),
						this.jdbc.update("delete from portal_session where link_id = any(cast(? as uuid[]))", array),
						this.jdbc.update("delete from portal_link where id = any(cast(? as uuid[]))", array) };
			});
			selected = deleted[0];
			sessions += deleted[1];
			links += deleted[2];
		}
		while (selected == this.properties.batchSize());
		purged.merge("portal_session", sessions, Integer::sum);
		purged.put("portal_link", links);
	}

	/**
	 * Email codes (gone a day after they expire), sign-in attempts (a day after they end, taking their
	 * codes along) and throttles (two days after their last change, when no limit of theirs still runs).
	 */
	private void purgeEmailCodes(Instant now, Map<String, Integer> purged) {
		purged.put("sign_in_code", inBatches("""
				delete from sign_in_code where id in (
				  select id from sign_in_code where expires_at < ? limit ? for update skip locked)""",
				at(now.minus(CODE_KEEP))));
		purged.put("sign_in_attempt", inBatches("""
				delete from sign_in_attempt where id in (
				  select id from sign_in_attempt where expires_at < ? limit ? for update skip locked)""",
				at(now.minus(CODE_KEEP))));
		purged.put("sign_in_throttle", inBatches("""
				delete from sign_in_throttle where key in (
				  select key from sign_in_throttle where updated_at < ? limit ? for update skip locked)""",
				at(now.minus(THROTTLE_KEEP))));
	}

	/** Runs a delete whose last parameter is the batch size until a batch deletes fewer rows than that. */
	private int inBatches(String sql, Object... arguments) {
		Object[] withBatch = Arrays.copyOf(arguments, arguments.length + 1);
		withBatch[arguments.length] = this.properties.batchSize();
		int total = 0;
		int deleted;
		do {
			deleted = this.jdbc.update(sql, withBatch);
			total += deleted;
		}
		while (deleted == this.properties.batchSize());
		return total;
	}

	private static Timestamp at(Instant instant) {
		return Timestamp.from(instant);
	}
}
