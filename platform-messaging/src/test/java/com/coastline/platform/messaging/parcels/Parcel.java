package com.coastline.platform.messaging.parcels;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Parcel {

	@Id
	private UUID id;

	private String destination;

	protected Parcel() {
	}

	Parcel(UUID id, String destination) {
		this.id = id;
		this.destination = destination;
	}

	public UUID getId() {
		return id;
	}

	public String getDestination() {
		return destination;
	}
}
