package com.coastline.platform.messaging.parcels;

import java.time.Instant;
import java.util.UUID;

public record ParcelShipped(UUID eventId, UUID parcelId, String destination, Instant shippedAt) {
}
