package com.coastline.automation.run.web;

import java.util.List;
import java.util.UUID;

import com.coastline.automation.run.RunHistory;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Back office: what an automation did. */
@RestController
class AutomationRunController {

	private final RunHistory history;

	AutomationRunController(RunHistory history) {
		this.history = history;
	}

	/** The latest 100 runs of the automation, newest first. */
	@GetMapping("/api/automations/{id}/runs")
	List<RunView> runs(@PathVariable UUID id) {
		return history.latestRunsOf(id).stream().map(RunView::of).toList();
	}
}
