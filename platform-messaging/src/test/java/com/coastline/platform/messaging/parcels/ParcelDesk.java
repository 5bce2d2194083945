package com.coastline.platform.messaging.parcels;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ParcelDesk {

	private final Parcels parcels;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ParcelDesk(Parcels parcels, ApplicationEventPublisher events, Clock clock) {
		this.parcels = parcels;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public ParcelShipped ship(String destination) {
		Parcel parcel = parcels.save(new Parcel(UUID.randomUUID(), destination));
		ParcelShipped shipped = new ParcelShipped(UUID.randomUUID(), parcel.getId(), destination, clock.instant());
		events.publishEvent(shipped);
		return shipped;
	}

	/** Records the parcel and its event, then fails: the transaction rolls back. */
	@Transactional
	public ParcelShipped shipAndFail(String destination) {
		ship(destination);
		throw new IllegalStateException("The van broke down");
	}
}
