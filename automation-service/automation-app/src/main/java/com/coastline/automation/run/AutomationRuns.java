package com.coastline.automation.run;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The runs of the current workspace (filtered by the framework through {@code @TenantId}). */
public interface AutomationRuns extends JpaRepository<AutomationRun, UUID> {

	/** The latest runs of an automation, newest first. */
	List<AutomationRun> findTop100ByAutomationIdOrderByStartedAtDescIdDesc(UUID automationId);

	/**
	 * The latest run of each of the automations, in one query (index {@code automation_run_by_automation_idx}):
	 * the runs started last, ordered by automation and then newest id first (several when two started at the
	 * same instant). Automations without runs have none.
	 */
	@Query("""
			select r from AutomationRun r
			where r.automationId in :automationIds
			and r.startedAt = (select max(l.startedAt) from AutomationRun l where l.automationId = r.automationId)
			order by r.automationId, r.id desc""")
	List<AutomationRun> findLatestOfEach(@Param("automationIds") Collection<UUID> automationIds);

	/** The latest runs about a project, newest first. */
	List<AutomationRun> findTop100ByProjectIdOrderByStartedAtDescIdDesc(UUID projectId);
}
