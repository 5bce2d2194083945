package com.coastline.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands due deliveries to one sender at a time, across replicas: one {@code UPDATE} (its own short
 * transaction) picks due rows with {@code FOR UPDATE SKIP LOCKED}, so concurrent senders never wait for
 * nor take each other's rows, and leases them (status {@code SENDING}, {@code lease_until}, a fresh
 * token). A row whose lease ran out (its sender died mid-send) is due again.
 * <p>
 * Plain SQL rather than JPA: this is system work across all workspaces, outside any tenant scope.
 */
@Component
public class DeliveryClaims {

	private final JdbcTemplate jdbc;

	DeliveryClaims(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A delivery leased to the caller until its lease ends. */
	public record Claim(UUID deliveryId, UUID workspaceId, UUID lease) {
	}

	public List<Claim> claimDue(Instant now, Duration lease, int limit) {
		UUID token = UUID.randomUUID();
		var at = now.atOffset(ZoneOffset.UTC);
		return jdbc.query("""
				update email_delivery d
				   set status = 'SENDING', lease_token = ?, lease_until = ?, version = d.version + 1
				 where d.id in (select id
				                  from email_delivery
				                 where (status = 'PENDING' and next_attempt_at <= ?)
				                    or (status = 'SENDING' and lease_until <= ?)
				                 order by next_attempt_at
				                 limit ?
				                   for update skip locked)
				returning d.id, d.workspace_id
				""", (row, n) -> new Claim(row.getObject(1, UUID.class), row.getObject(2, UUID.class), token), token,
				now.plus(lease).atOffset(ZoneOffset.UTC), at, at, limit);
	}
}
