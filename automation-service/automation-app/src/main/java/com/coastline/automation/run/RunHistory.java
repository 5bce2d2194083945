package com.coastline.automation.run;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.coastline.automation.automation.AutomationManagement;
import com.coastline.platform.web.problem.ConflictException;
import com.coastline.platform.web.problem.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The back office's view of runs, and retrying them, in the caller's workspace. */
@Service
public class RunHistory {

	private final AutomationManagement automations;

	private final AutomationRuns runs;

	private final RunWakeUp wakeUp;

	private final Clock clock;

	RunHistory(AutomationManagement automations, AutomationRuns runs, RunWakeUp wakeUp, Clock clock) {
		this.automations = automations;
		this.runs = runs;
		this.wakeUp = wakeUp;
		this.clock = clock;
	}

	/** The latest 100 runs of an automation, newest first; 404 for an automation the caller cannot see. */
	@Transactional(readOnly = true)
	public List<AutomationRun> latestRunsOf(UUID automationId) {
		automations.find(automationId);
		return runs.findTop100ByAutomationIdOrderByStartedAtDescIdDesc(automationId);
	}

	/** The latest 100 runs about a project, newest first (empty for a project the workspace has no runs of). */
	@Transactional(readOnly = true)
	public List<AutomationRun> latestRunsAbout(UUID projectId) {
		return runs.findTop100ByProjectIdOrderByStartedAtDescIdDesc(projectId);
	}

	@Transactional(readOnly = true)
	public AutomationRun find(UUID runId) {
		return runs.findById(runId).orElseThrow(() -> new NotFoundException("Automation run", runId));
	}

	/**
	 * Starts a failed or skipped run again: it is carried out afresh (values, link, email under a new
	 * idempotency key). 409 for a run in any other state.
	 */
	@Transactional
	public AutomationRun retry(UUID runId) {
		AutomationRun run = find(runId);
		if (!run.retry(clock.instant())) {
			throw new ConflictException("Only a failed or skipped run can be retried; this one is " + run.status() + ".");
		}
		AutomationRun retried = runs.saveAndFlush(run);
		wakeUp.afterCommit();
		return retried;
	}
}
