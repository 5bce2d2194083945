package com.coastline.notification.delivery;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The workspace's email deliveries (filtered by the current tenant, like every {@code @TenantId} entity). */
public interface EmailDeliveries extends JpaRepository<EmailDelivery, UUID> {

	Optional<EmailDelivery> findByIdempotencyKey(String idempotencyKey);
}
