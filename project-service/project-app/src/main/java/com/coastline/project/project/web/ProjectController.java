package com.coastline.project.project.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import com.coastline.project.project.Project;
import com.coastline.project.project.ProjectManagement;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Back-office API for the projects of the caller's workspace. */
@RestController
@RequestMapping("/api/projects")
class ProjectController {

	private final ProjectManagement projects;

	ProjectController(ProjectManagement projects) {
		this.projects = projects;
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
}
