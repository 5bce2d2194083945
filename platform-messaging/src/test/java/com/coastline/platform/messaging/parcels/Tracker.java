package com.coastline.platform.messaging.parcels;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.coastline.platform.messaging.PoisonMessageException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records each arrival in the same transaction as the consumer's processed-message row. Destinations
 * it does not know are poison (until they are added); "flaky" destinations fail a few times first.
 */
@Component
public class Tracker {

	private final JdbcTemplate jdbc;

	private final Set<String> unknownDestinations = ConcurrentHashMap.newKeySet();

	private final ConcurrentHashMap<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

	Tracker(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void record(ParcelShipped shipped) {
		if (unknownDestinations.contains(shipped.destination())) {
			throw new PoisonMessageException("Unknown destination " + shipped.destination());
		}
		AtomicInteger failures = failuresLeft.get(shipped.destination());
		if (failures != null && failures.getAndDecrement() > 0) {
			throw new IllegalStateException("Tracker temporarily unavailable");
		}
		jdbc.update("insert into arrival (event_id, parcel_id, destination) values (?, ?, ?)", shipped.eventId(),
				shipped.parcelId(), shipped.destination());
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

	public int arrivals(java.util.UUID eventId) {
		Integer count = jdbc.queryForObject("select count(*) from arrival where event_id = ?", Integer.class, eventId);
		return count == null ? 0 : count;
	}
}
