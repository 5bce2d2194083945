package com.coastline.project.project.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import com.coastline.project.project.Project;
import com.coastline.project.project.ProjectManagement;
import com.coastline.project.project.ProjectTimeline;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Back-office API for the projects of the caller's workspace. Every change publishes the project's
 * whole state ({@code ProjectUpserted}) and appends to its timeline; an illegal status move answers 409
 * with the {@code currentState} and changes nothing.
 */
@RestController
@RequestMapping("/api/projects")
class ProjectController {

	private final ProjectManagement projects;

	private final ProjectTimeline timeline;

	ProjectController(ProjectManagement projects, ProjectTimeline timeline) {
		this.projects = projects;
		this.timeline = timeline;
	}

	/**
	 * Creates a lead: 201 with its {@code Location}; 422 naming {@code primaryContactId} unless that is
	 * an active contact of the workspace.
	 */
	@PostMapping
	ResponseEntity<ProjectResponse> create(@Valid @RequestBody ProjectRequest request) {
		Project project = this.projects.create(request.name(), request.address(), request.primaryContactId());
		URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(project.getId()).toUri();
		return ResponseEntity.created(location).body(ProjectResponse.of(project));
	}

	/** The project; 404 if it is not one of this workspace's. */
	@GetMapping("/{id}")
	ProjectResponse find(@PathVariable UUID id) {
		return ProjectResponse.of(this.projects.find(id));
	}

	/** The workspace's projects, oldest first; with {@code name}, those of that name (ignoring case). */
	@GetMapping
	List<ProjectResponse> list(@RequestParam(required = false) String name) {
		List<Project> found = (name != null) ? this.projects.findByName(name) : this.projects.findAll();
		return found.stream().map(ProjectResponse::of).toList();
	}

	/**
	 * Approves the project and publishes {@code ProjectApproved} (once): 200 with the project; 409 if it
	 * is already approved, and then nothing is published.
	 */
	@PostMapping("/{id}/approve")
	ProjectResponse approve(@PathVariable UUID id) {
		return ProjectResponse.of(this.projects.approve(id));
	}

	/** Replaces name and address; 409 once the project is completed or cancelled. */
	@PutMapping("/{id}")
	ProjectResponse changeDetails(@PathVariable UUID id, @Valid @RequestBody ProjectDetailsRequest request) {
		return ProjectResponse.of(this.projects.changeDetails(id, request.name(), request.address()));
	}

	/** LEAD → ESTIMATING; 409 naming the current state otherwise. */
	@PostMapping("/{id}/start-estimating")
	ProjectResponse startEstimating(@PathVariable UUID id) {
		return ProjectResponse.of(this.projects.startEstimating(id));
	}

	/** APPROVED → IN_PROGRESS; 409 naming the current state otherwise. */
	@PostMapping("/{id}/start")
	ProjectResponse start(@PathVariable UUID id) {
		return ProjectResponse.of(this.projects.start(id));
	}

	/** IN_PROGRESS → COMPLETED; 409 naming the current state otherwise. */
	@PostMapping("/{id}/complete")
	ProjectResponse complete(@PathVariable UUID id) {
		return ProjectResponse.of(this.projects.complete(id));
	}

	/** Any status but COMPLETED and CANCELLED → CANCELLED (final); 409 naming the current state otherwise. */
	@PostMapping("/{id}/cancel")
	ProjectResponse cancel(@PathVariable UUID id) {
		return ProjectResponse.of(this.projects.cancel(id));
	}

	/**
	 * Makes another active contact of the workspace the primary contact (an added contact stops being
	 * one; the former primary contact no longer sees the project). 422 naming {@code primaryContactId}
	 * otherwise; 409 once the project is closed.
	 */
	@PutMapping("/{id}/primary-contact")
	ProjectResponse changePrimaryContact(@PathVariable UUID id, @Valid @RequestBody PrimaryContactRequest request) {
		return ProjectResponse.of(this.projects.changePrimaryContact(id, request.primaryContactId()));
	}

	/**
	 * Lets another active contact of the workspace see the project in the portal; adding it twice changes
	 * nothing. 422 naming {@code contactId} if it is not an active contact of the workspace or is the
	 * primary contact; 409 once the project is closed.
	 */
	@PostMapping("/{id}/contacts/{contactId}")
	ProjectResponse addContact(@PathVariable UUID id, @PathVariable UUID contactId) {
		return ProjectResponse.of(this.projects.addContact(id, contactId));
	}

	/** The contact no longer sees the project; 404 if it was not added; 409 once the project is closed. */
	@DeleteMapping("/{id}/contacts/{contactId}")
	ProjectResponse removeContact(@PathVariable UUID id, @PathVariable UUID contactId) {
		return ProjectResponse.of(this.projects.removeContact(id, contactId));
	}

	/**
	 * The project's timeline, newest first (at most 200 entries), every kind; with {@code since} (an ISO
	 * instant), only what happened after it.
	 */
	@GetMapping("/{id}/timeline")
	List<ActivityResponse> timeline(@PathVariable UUID id, @RequestParam(required = false) Instant since) {
		this.projects.find(id);
		return this.timeline.entries(id, since, false).stream().map(ActivityResponse::of).toList();
	}
}
