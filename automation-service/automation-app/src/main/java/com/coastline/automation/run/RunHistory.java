package com.coastline.automation.run;

import java.util.List;
import java.util.UUID;

import com.coastline.automation.automation.AutomationManagement;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The back office's view of runs, in the caller's workspace. */
@Service
public class RunHistory {

	private final AutomationManagement automations;

	private final AutomationRuns runs;

	RunHistory(AutomationManagement automations, AutomationRuns runs) {
		this.automations = automations;
		this.runs = runs;
	}

	/** The latest 100 runs of an automation, newest first; 404 for an automation the caller cannot see. */
	@Transactional(readOnly = true)
	public List<AutomationRun> latestRunsOf(UUID automationId) {
		automations.find(automationId);
		return runs.findTop100ByAutomationIdOrderByStartedAtDescIdDesc(automationId);
	}
}
