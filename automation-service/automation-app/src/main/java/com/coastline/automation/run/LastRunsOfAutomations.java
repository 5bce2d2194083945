package com.coastline.automation.run;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.coastline.automation.automation.LastRuns;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link LastRuns} from the runs table, in one query for all the automations asked about. */
@Component
class LastRunsOfAutomations implements LastRuns {

	private final AutomationRuns runs;

	LastRunsOfAutomations(AutomationRuns runs) {
		this.runs = runs;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<UUID, LastRun> of(Collection<UUID> automationIds) {
		Map<UUID, LastRun> latest = new LinkedHashMap<>();
		if (automationIds.isEmpty()) {
			return latest;
		}
		// Runs started at the same instant come newest id first, as in an automation's runs; keep that one.
		for (AutomationRun run : runs.findLatestOfEach(automationIds)) {
			latest.putIfAbsent(run.automationId(),
					new LastRun(run.id(), run.status().name(), run.startedAt(), run.finishedAt()));
		}
		return latest;
	}
}
