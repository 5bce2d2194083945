package com.coastline.automation.run;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The runs of the current workspace (filtered by the framework through {@code @TenantId}). */
public interface AutomationRuns extends JpaRepository<AutomationRun, UUID> {

	boolean existsByTriggerEventIdAndAutomationId(UUID triggerEventId, UUID automationId);

	/** The latest runs of an automation, newest first. */
	List<AutomationRun> findTop100ByAutomationIdOrderByStartedAtDescIdDesc(UUID automationId);

	/** The latest runs about a project, newest first. */
	List<AutomationRun> findTop100ByProjectIdOrderByStartedAtDescIdDesc(UUID projectId);
}
