package com.coastline.automation.run.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import com.coastline.automation.run.RunHistory;
import com.coastline.automation.run.TryOut;
import com.coastline.platform.web.problem.UnprocessableException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Back office: what automations did, retrying a run, and trying an automation out. */
@RestController
class AutomationRunController {

	private final RunHistory history;

	private final TryOut tryOut;

	AutomationRunController(RunHistory history, TryOut tryOut) {
		this.history = history;
		this.tryOut = tryOut;
	}

	/** The latest 100 runs of the automation, newest first. */
	@GetMapping("/api/automations/{id}/runs")
	List<RunView> runs(@PathVariable UUID id) {
		return history.latestRunsOf(id).stream().map(RunView::of).toList();
	}

	/** The latest 100 runs about a project, newest first. */
	@GetMapping("/api/projects/{projectId}/automation-runs")
	List<RunView> projectRuns(@PathVariable UUID projectId) {
		return history.latestRunsAbout(projectId).stream().map(RunView::of).toList();
	}

	@GetMapping("/api/automation-runs/{runId}")
	RunView run(@PathVariable UUID runId) {
		return RunView.of(history.find(runId));
	}

	/** Carries a failed or skipped run out again. */
	@PostMapping("/api/automation-runs/{runId}/retry")
	RunView retry(@PathVariable UUID runId) {
		return RunView.of(history.retry(runId));
	}

	/**
	 * @param projectId the workspace's project to render the email for
	 */
	record TryOutRequest(@NotNull UUID projectId) {
	}

	/** The email as the project's client would get it (the portal link stands in as the portal's address). */
	@PostMapping("/api/automations/{id}/preview")
	PreviewView preview(@PathVariable UUID id, @Valid @RequestBody TryOutRequest request) {
		return PreviewView.of(tryOut.preview(id, request.projectId()));
	}

	/** Sends the preview to the signed-in staff member's own address. */
	@PostMapping("/api/automations/{id}/test")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, String> sendTest(@PathVariable UUID id, @Valid @RequestBody TryOutRequest request,
			@AuthenticationPrincipal Jwt token) {
		String email = token == null ? null : token.getClaimAsString("email");
		if (email == null || email.isBlank()) {
			throw new UnprocessableException(
					"A test email goes to the signed-in staff member's own address, and this sign-in carries none.");
		}
		return Map.of("idempotencyKey", tryOut.sendTest(id, request.projectId(), email));
	}
}
