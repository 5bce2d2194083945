package com.coastline.automation.run;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands due runs to one processor at a time, across replicas: one {@code UPDATE} (its own short
 * transaction) picks due rows with {@code FOR UPDATE SKIP LOCKED}, so concurrent processors never wait
 * for nor take each other's runs, and leases them ({@code PROCESSING}, {@code lease_until}, a fresh
 * token). A run whose lease ran out (its processor died) is due again, and its new claim's fence is higher.
 * <p>
 * Plain SQL rather than JPA: this is system work across all workspaces, outside any tenant scope.
 */
@Component
class RunClaims {

	private final JdbcTemplate jdbc;

	RunClaims(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A run leased to the caller until its lease ends. The fence is the run's version after the claim: it grows
	 * with every claim, so a later claim's calls can be told from a late call of an earlier one (a fencing token).
	 */
	record Claim(UUID runId, UUID workspaceId, UUID lease, long fence) {
	}

	List<Claim> claimDue(Instant now, Duration lease, int limit) {
		UUID token = UUID.randomUUID();
		var at = now.atOffset(ZoneOffset.UTC);
		return jdbc.query("""
				update automation_run r
				   set status = 'PROCESSING', lease_token = ?, lease_until = ?, version = r.version + 1
				 where r.id in (select id
				                  from automation_run
				                 where (status in ('PENDING', 'WAITING_FOR_RETRY') and next_attempt_at <= ?)
				                    or (status = 'PROCESSING' and lease_until <= ?)
				                 order by next_attempt_at
				                 limit ?
				                   for update skip locked)
				returning r.id, r.workspace_id, r.version
				""", (row, n) -> new Claim(row.getObject(1, UUID.class), row.getObject(2, UUID.class), token,
						row.getLong(3)), token,
				now.plus(lease).atOffset(ZoneOffset.UTC), at, at, limit);
	}
}
