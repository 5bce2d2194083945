package com.coastline.project.estimate.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import com.coastline.project.estimate.ClientEstimates;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Portal API (portal clients only, behind the portal gateway) for the estimates of the projects the
 * client sees. Drafts and other contacts' estimates answer 404, like unknown ids. Each answer names the
 * version the client was shown; if the contractor revised the estimate since, the answer is 409.
 */
@RestController
class ClientEstimateController {

	private final ClientEstimates estimates;

	ClientEstimateController(ClientEstimates estimates) {
		this.estimates = estimates;
	}

	/** The sent estimates of every project the client sees. */
	@GetMapping("/portal/estimates")
	List<ClientEstimateResponse> list() {
		Instant now = this.estimates.now();
		return this.estimates.visible().stream().map(estimate -> ClientEstimateResponse.of(estimate, now)).toList();
	}

	/** The sent estimates of one project; 404 unless the client sees the project. */
	@GetMapping("/portal/projects/{projectId}/estimates")
	List<ClientEstimateResponse> listOfProject(@PathVariable UUID projectId) {
		Instant now = this.estimates.now();
		return this.estimates.visibleOfProject(projectId)
			.stream()
			.map(estimate -> ClientEstimateResponse.of(estimate, now))
			.toList();
	}

	/** One estimate, with the version the client is shown; the view is recorded on the project's timeline. */
	@GetMapping("/portal/estimates/{id}")
	ClientEstimateResponse find(@PathVariable UUID id) {
		return ClientEstimateResponse.of(this.estimates.view(id), this.estimates.now());
	}

	/**
	 * Approves the version shown, signed with the typed full name; records the approval evidence and
	 * approves the project (once). 409 if that version is no longer current, or is not waiting for an
	 * answer (approved, declined, expired…).
	 */
	@PostMapping("/portal/estimates/{id}/approve")
	ClientEstimateResponse approve(@PathVariable UUID id, @Valid @RequestBody ApprovalRequest request) {
		return ClientEstimateResponse.of(this.estimates.approve(id, request.version(), request.signedName(),
				request.ip(), request.userAgent()), this.estimates.now());
	}

	/** Declines the version shown, with an optional message; 409 as for approval. */
	@PostMapping("/portal/estimates/{id}/decline")
	ClientEstimateResponse decline(@PathVariable UUID id, @Valid @RequestBody DeclineRequest request) {
		return ClientEstimateResponse.of(this.estimates.decline(id, request.version(), request.message()),
				this.estimates.now());
	}

	/** Asks for changes to the version shown, with a message; 409 as for approval. */
	@PostMapping("/portal/estimates/{id}/request-changes")
	ClientEstimateResponse requestChanges(@PathVariable UUID id, @Valid @RequestBody ChangeRequest request) {
		return ClientEstimateResponse.of(this.estimates.requestChanges(id, request.version(), request.message()),
				this.estimates.now());
	}

	/** The approval evidence of an approved version as a PDF download; 404 if that version is not approved. */
	@GetMapping("/portal/estimates/{id}/versions/{number}/evidence.pdf")
	ResponseEntity<byte[]> evidencePdf(@PathVariable UUID id, @PathVariable int number) {
		return EvidencePdf.download(this.estimates.approvedVersion(id, number));
	}
}
