package com.coastline.automation.automation.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;

import com.coastline.automation.automation.Automation;
import com.coastline.automation.automation.AutomationManagement;
import com.coastline.automation.automation.LastRuns;
import com.coastline.automation.automation.web.AutomationRequests.AutomationChange;
import com.coastline.automation.automation.web.AutomationRequests.NewAutomation;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Back office: the automations of the caller's workspace. */
@RestController
@RequestMapping("/api/automations")
class AutomationController {

	private final AutomationManagement management;

	private final LastRuns lastRuns;

	AutomationController(AutomationManagement management, LastRuns lastRuns) {
		this.management = management;
		this.lastRuns = lastRuns;
	}

	/** Creates an automation; 201 with its address in {@code Location}. */
	@PostMapping
	ResponseEntity<AutomationView> create(@Valid @RequestBody NewAutomation request) {
		Automation automation = management.create(request.name(), request.triggerValue(), request.actionValues(management),
				request.enabled() == null || request.enabled());
		return ResponseEntity
			.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(automation.id()))
			.body(AutomationView.of(automation, Map.of()));
	}

	/** Every automation of the workspace, oldest first, each with its latest run (one query for all). */
	@GetMapping
	List<AutomationView> list() {
		List<Automation> automations = management.list();
		Map<UUID, LastRuns.LastRun> latest = lastRuns.of(automations.stream().map(Automation::id).toList());
		return automations.stream().map(automation -> AutomationView.of(automation, latest)).toList();
	}

	@GetMapping("/{id}")
	AutomationView find(@PathVariable UUID id) {
		return view(management.find(id));
	}

	/** Replaces name, enabled flag and actions. */
	@PutMapping("/{id}")
	AutomationView change(@PathVariable UUID id, @Valid @RequestBody AutomationChange request) {
		return view(
				management.change(id, request.name(), request.enabled(), request.actionValues(management), request.version()));
	}

	private AutomationView view(Automation automation) {
		return AutomationView.of(automation, lastRuns.of(Set.of(automation.id())));
	}
}
