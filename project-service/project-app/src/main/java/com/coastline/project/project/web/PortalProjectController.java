package com.coastline.project.project.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.coastline.project.project.ProjectAccess;
import com.coastline.project.project.ProjectTimeline;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Portal API: the projects the signed-in client sees (as their primary or an added contact), through
 * {@link ProjectAccess}. Another contact's or workspace's project, and an unknown id, answer 404 alike.
 */
@RestController
class PortalProjectController {

	private final ProjectAccess access;

	private final ProjectTimeline timeline;

	PortalProjectController(ProjectAccess access, ProjectTimeline timeline) {
		this.access = access;
		this.timeline = timeline;
	}

	/** The client's projects, oldest first. */
	@GetMapping("/portal/projects")
	List<PortalProjectResponse> list() {
		return this.access.visibleProjects().stream().map(PortalProjectResponse::of).toList();
	}

	/** One of the client's projects; 404 otherwise. */
	@GetMapping("/portal/projects/{id}")
	PortalProjectResponse find(@PathVariable UUID id) {
		return PortalProjectResponse.of(this.access.requireVisible(id));
	}

	/**
	 * What happened on one of the client's projects that clients see (status changes, visits, estimates,
	 * invoices; never contacts or sign-ins), newest first, at most 200; with {@code since} (an ISO instant,
	 * say the last visit), only what happened after it. 404 for a project the client may not see.
	 */
	@GetMapping("/portal/projects/{id}/timeline")
	List<PortalActivityResponse> timeline(@PathVariable UUID id, @RequestParam(required = false) Instant since) {
		this.access.requireVisible(id);
		UUID contact = this.access.currentContact();
		return this.timeline.entries(id, since, true)
			.stream()
			.map(activity -> PortalActivityResponse.of(activity, contact))
			.toList();
	}
}
