package com.coastline.automation.automation;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The automations of the current workspace (filtered by the framework through {@code @TenantId}). */
public interface Automations extends JpaRepository<Automation, UUID> {

	List<Automation> findAllByOrderByCreatedAtAscIdAsc();
}
