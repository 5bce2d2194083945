package com.coastline.project.project;

import java.util.List;
import java.util.UUID;

import com.coastline.platform.web.problem.NotFoundException;
import com.coastline.platform.web.tenant.CurrentTenant;
import com.coastline.platform.web.tenant.Tenant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a portal client may see: the projects of the token's workspace (named in the query) whose
 * primary contact is the token's contact, or to which that contact was added. Every portal query of
 * every module goes through here, so that no endpoint filters by contact by hand.
 */
@Service
public class ProjectAccess {

	private final Projects projects;

	private final CurrentTenant tenant;

	ProjectAccess(Projects projects, CurrentTenant tenant) {
		this.projects = projects;
		this.tenant = tenant;
	}

	/**
	 * The project, when the current portal client may see it.
	 * @throws NotFoundException otherwise: another contact's project and an unknown id answer alike
	 */
	@Transactional(readOnly = true)
	public Project requireVisible(UUID projectId) {
		return this.projects.findVisibleTo(currentContact(), projectId)
			.orElseThrow(() -> new NotFoundException("Project", projectId));
	}

	/** The projects the current portal client may see, oldest first. */
	@Transactional(readOnly = true)
	public List<Project> visibleProjects() {
		return visibleTo(currentContact());
	}

	/** The projects the current portal client may see, for handing to the modules that read their records. */
	@Transactional(readOnly = true)
	public VisibleProjects visible() {
		UUID contact = currentContact();
		return new VisibleProjects(visibleTo(contact), contact, this.tenant.requireWorkspace());
	}

	/** The current portal client's contact. */
	public UUID currentContact() {
		Tenant current = this.tenant.get();
		if (!current.isClient() || current.contactId() == null) {
			throw new IllegalStateException("Portal access needs a portal client's token");
		}
		return current.contactId();
	}

	/**
	 * The ids of the projects a contact of the current workspace sees, for work on the contact's behalf
	 * without its token (recording its sign-in on those projects' timelines).
	 */
	List<UUID> projectIdsVisibleTo(UUID contactId) {
		return visibleTo(contactId).stream().map(Project::getId).toList();
	}

	private List<Project> visibleTo(UUID contactId) {
		return this.projects.findVisibleInWorkspace(this.tenant.requireWorkspace(), contactId);
	}
}
