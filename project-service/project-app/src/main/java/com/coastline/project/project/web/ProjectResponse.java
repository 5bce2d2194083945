package com.coastline.project.project.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.coastline.project.project.Project;
import com.coastline.project.project.ProjectStatus;

/**
 * A project as the back office sees it.
 *
 * @param id the project
 * @param name its name
 * @param address its site address, or null
 * @param status LEAD, ESTIMATING, APPROVED, IN_PROGRESS, COMPLETED or CANCELLED
 * @param primaryContactId the client it belongs to
 * @param addedContactIds the other contacts who see it in the portal, in the order they were added
 * @param approvedAt when it was approved, or null
 * @param version grows with every change
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
record ProjectResponse(UUID id, String name, String address, ProjectStatus status, UUID primaryContactId,
		List<UUID> addedContactIds, Instant approvedAt, long version, Instant createdAt, Instant updatedAt) {

	static ProjectResponse of(Project project) {
		return new ProjectResponse(project.getId(), project.getName(), project.getAddress(), project.getStatus(),
				project.getPrimaryContactId(), project.addedContactIds(), project.getApprovedAt(),
				project.getVersion(), project.getCreatedAt(), project.getUpdatedAt());
	}
}
