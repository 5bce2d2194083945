package com.coastline.project.project;

import java.util.List;
import java.util.UUID;

/**
 * The projects the current portal client may see, as {@link ProjectAccess#visible()} found them (only it makes
 * one), oldest first. A request that reads several kinds of records for the client finds its projects once and
 * hands this to each, instead of every module asking again.
 */
public final class VisibleProjects {

	private final List<Project> projects;

	private final UUID contactId;

	private final UUID workspaceId;

	VisibleProjects(List<Project> projects, UUID contactId, UUID workspaceId) {
		this.projects = List.copyOf(projects);
		this.contactId = contactId;
		this.workspaceId = workspaceId;
	}

	/** The projects, oldest first. */
	public List<Project> projects() {
		return this.projects;
	}

	/** Their ids, oldest first. */
	public List<UUID> ids() {
		return this.projects.stream().map(Project::getId).toList();
	}

	/** The portal client's contact. */
	public UUID contactId() {
		return this.contactId;
	}

	/**
	 * The workspace of the client and the projects: the queries that read the projects' records in plain SQL name
	 * it themselves (Hibernate's tenant filter does not apply to them).
	 */
	public UUID workspaceId() {
		return this.workspaceId;
	}

	public boolean isEmpty() {
		return this.projects.isEmpty();
	}
}
