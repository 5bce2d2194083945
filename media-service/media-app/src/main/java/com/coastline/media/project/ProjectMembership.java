package com.coastline.media.project;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import com.coastline.platform.messaging.PoisonMessageException;
import com.coastline.platform.web.problem.NotFoundException;
import com.coastline.project.api.ProjectUpserted;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which projects exist and who may see them: kept from {@code project.events}, asked by the other features. */
@Service
public class ProjectMembership {

	private final ProjectAccesses projects;

	private final Clock clock;

	ProjectMembership(ProjectAccesses projects, Clock clock) {
		this.projects = projects;
		this.clock = clock;
	}

	/** Runs inside the idempotent consumer's transaction, in the event's workspace. */
	@Transactional
	public void upserted(ProjectUpserted event) {
		if (event.projectId() == null || event.name() == null) {
			throw new PoisonMessageException("ProjectUpserted without a project id or name");
		}
		ProjectAccess access = this.projects.findById(event.projectId()).orElseGet(() -> ProjectAccess.of(event.projectId()));
		if (access.update(event.name(), event.primaryContactId(), event.addedContactIds(), event.version(),
				this.clock.instant())) {
			this.projects.save(access);
		}
	}

	/**
	 * The project of the current workspace.
	 * @throws NotFoundException when there is none (or it belongs to another workspace)
	 */
	@Transactional(readOnly = true)
	public ProjectAccess require(UUID projectId) {
		return this.projects.findById(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
	}

	/** The project, if the contact may see it; empty otherwise (also for another workspace's project). */
	@Transactional(readOnly = true)
	public Optional<ProjectAccess> visibleTo(UUID projectId, UUID contactId) {
		return this.projects.findById(projectId).filter((project) -> project.isVisibleTo(contactId));
	}
}
