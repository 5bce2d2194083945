package com.coastline.notification.delivery;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

/** The workspace's email deliveries (filtered by the current tenant, like every {@code @TenantId} entity). */
public interface EmailDeliveries extends JpaRepository<EmailDelivery, UUID> {

	Optional<EmailDelivery> findByIdempotencyKey(String idempotencyKey);

	/** The deliveries to one contact (from the commands' correlation), newest first. */
	List<EmailDelivery> findByContactIdOrderByRequestedAtDescIdDesc(UUID contactId, Limit limit);

	/** The deliveries about one project (from the commands' correlation), newest first. */
	List<EmailDelivery> findByProjectIdOrderByRequestedAtDescIdDesc(UUID projectId, Limit limit);
}
