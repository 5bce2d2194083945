package com.coastline.project.project.web;

import java.time.Instant;
import java.util.UUID;

import com.coastline.project.project.Project;
import com.coastline.project.project.ProjectStatus;

/**
 * A project as its client sees it (no contact ids, no internal data).
 *
 * @param id the project
 * @param name its name
 * @param address its site address, or null
 * @param status LEAD, ESTIMATING, APPROVED, IN_PROGRESS, COMPLETED or CANCELLED
 * @param updatedAt when it last changed
 */
record PortalProjectResponse(UUID id, String name, String address, ProjectStatus status, Instant updatedAt) {

	static PortalProjectResponse of(Project project) {
		return new PortalProjectResponse(project.getId(), project.getName(), project.getAddress(),
				project.getStatus(), project.getUpdatedAt());
	}
}
