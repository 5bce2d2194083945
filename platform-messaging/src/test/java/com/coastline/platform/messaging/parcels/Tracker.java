package com.coastline.platform.messaging.parcels;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.coastline.platform.messaging.PoisonMessageException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records each arrival in the same transaction as the consumer's processed-message row. Destinations
 * it does not know are poison (until they are added); "flaky" destinations fail a few times first.
 */
@Component
public class Tracker {

	private final JdbcTemplate jdbc;

	private final Set<String> unknownDestinations = ConcurrentHashMap.newKeySet();

	private final ConcurrentHashMap<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

	/** The consumer scope of the current delivery, as a tenant scope would be: entered before the transaction? */
	private final ThreadLocal<Boolean> scopeEnteredBeforeTransaction = new ThreadLocal<>();

	Tracker(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void inScopeOf(ParcelShipped shipped, Runnable work) {
		scopeEnteredBeforeTransaction.set(!TransactionSynchronizationManager.isActualTransactionActive());
		try {
			work.run();
		}
		finally {
			scopeEnteredBeforeTransaction.remove();
		}
	}

	void record(ParcelShipped shipped) {
		Boolean scoped = scopeEnteredBeforeTransaction.get();
		if (scoped == null) {
			throw new IllegalStateException("Handler called outside its consumer scope");
		}
		if (unknownDestinations.contains(shipped.destination())) {
			throw new PoisonMessageException("Unknown destination " + shipped.destination());
		}
		AtomicInteger failures = failuresLeft.get(shipped.destination());
		if (failures != null && failures.getAndDecrement() > 0) {
			throw new IllegalStateException("Tracker temporarily unavailable");
		}
		jdbc.update("insert into arrival (event_id, parcel_id, destination, scope_before_transaction) values (?, ?, ?, ?)",
				shipped.eventId(), shipped.parcelId(), shipped.destination(), scoped);
	}

	public void forget(String destination) {
		unknownDestinations.add(destination);
	}

	public void learn(String destination) {
		unknownDestinations.remove(destination);
	}

	public void failTimes(String destination, int times) {
		failuresLeft.put(destination, new AtomicInteger(times));
	}

	public boolean arrivedInScopeEnteredBeforeTransaction(java.util.UUID eventId) {
		return Boolean.TRUE.equals(jdbc.queryForObject("select scope_before_transaction from arrival where event_id = ?",
				Boolean.class, eventId));
	}

	public int arrivals(java.util.UUID eventId) {
		Integer count = jdbc.queryForObject("select count(*) from arrival where event_id = ?", Integer.class, eventId);
		return count == null ? 0 : count;
	}
}
