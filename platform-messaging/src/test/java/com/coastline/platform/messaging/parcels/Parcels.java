package com.coastline.platform.messaging.parcels;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Parcels extends JpaRepository<Parcel, UUID> {
}
