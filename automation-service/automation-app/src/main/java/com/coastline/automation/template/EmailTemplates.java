package com.coastline.automation.template;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The email templates of the current workspace (filtered by the framework through {@code @TenantId}). */
interface EmailTemplates extends JpaRepository<EmailTemplate, UUID> {

	List<EmailTemplate> findAllByOrderByCreatedAtAscIdAsc();
}
