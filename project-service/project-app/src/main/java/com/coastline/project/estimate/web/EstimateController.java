package com.coastline.project.estimate.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import com.coastline.project.estimate.Estimate;
import com.coastline.project.estimate.EstimateManagement;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Back-office API for the estimates of the caller's workspace. Staff write and send estimates; only the
 * client approves, declines or asks for changes (in the portal). Staff who have the client's agreement
 * otherwise approve the project itself ({@code POST /api/projects/{id}/approve}).
 */
@RestController
class EstimateController {

	private final EstimateManagement estimates;

	EstimateController(EstimateManagement estimates) {
		this.estimates = estimates;
	}

	/** Creates a draft estimate of the project: 201 with its {@code Location}; 404 for an unknown project. */
	@PostMapping("/api/projects/{projectId}/estimates")
	ResponseEntity<EstimateResponse> create(@PathVariable UUID projectId, @Valid @RequestBody NewEstimateRequest request) {
		Estimate estimate = this.estimates.create(projectId, request.currency(), request.toContent());
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/estimates/{id}")
			.buildAndExpand(estimate.getId())
			.toUri();
		return ResponseEntity.created(location).body(EstimateResponse.of(estimate, now()));
	}

	/** The project's estimates, oldest first; 404 for an unknown project. */
	@GetMapping("/api/projects/{projectId}/estimates")
	List<EstimateResponse> list(@PathVariable UUID projectId) {
		Instant now = now();
		return this.estimates.findByProject(projectId).stream().map(estimate -> EstimateResponse.of(estimate, now)).toList();
	}

	/** The estimate with all its versions; 404 if it is not one of this workspace's. */
	@GetMapping("/api/estimates/{id}")
	EstimateResponse find(@PathVariable UUID id) {
		return EstimateResponse.of(this.estimates.find(id), now());
	}

	/**
	 * Replaces the content: a draft is edited in place; a sent, expired, declined, changes-requested or
	 * approved estimate gets a new draft version (an unanswered sent version is superseded; an approved
	 * one and its evidence stay as they are). 409 when {@code version} is given and stale; nothing changes
	 * then.
	 */
	@PutMapping("/api/estimates/{id}")
	EstimateResponse revise(@PathVariable UUID id, @Valid @RequestBody EstimateContentRequest request) {
		return EstimateResponse.of(this.estimates.revise(id, request.version(), request.toContent()), now());
	}

	/**
	 * Sends the current draft to the client and publishes {@code EstimateSent}: 200; 409 unless the
	 * current version is a draft; 422 naming {@code lineItems} or {@code validUntil} when it has no lines
	 * or its valid-until date has passed.
	 */
	@PostMapping("/api/estimates/{id}/send")
	EstimateResponse send(@PathVariable UUID id) {
		return EstimateResponse.of(this.estimates.send(id), now());
	}

	/** The approval evidence of an approved version; 404 if that version is not approved. */
	@GetMapping("/api/estimates/{id}/versions/{number}/evidence")
	EvidenceResponse evidence(@PathVariable UUID id, @PathVariable int number) {
		return EvidenceResponse.of(this.estimates.approvedVersion(id, number).evidence());
	}

	/** The approval evidence as a PDF download. */
	@GetMapping("/api/estimates/{id}/versions/{number}/evidence.pdf")
	ResponseEntity<byte[]> evidencePdf(@PathVariable UUID id, @PathVariable int number) {
		return EvidencePdf.download(this.estimates.approvedVersion(id, number));
	}

	/**
	 * Recomputes the SHA-256 of the approved version's canonical content from what is stored now and
	 * compares it with the hash recorded at approval.
	 */
	@GetMapping("/api/estimates/{id}/versions/{number}/evidence/verification")
	VerificationResponse verify(@PathVariable UUID id, @PathVariable int number) {
		return VerificationResponse.of(this.estimates.approvedVersion(id, number));
	}

	private Instant now() {
		return this.estimates.now();
	}
}
