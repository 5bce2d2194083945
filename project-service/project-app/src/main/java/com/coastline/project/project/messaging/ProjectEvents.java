package com.coastline.project.project.messaging;

import java.util.UUID;

import com.coastline.project.api.ProjectApproved;
import com.coastline.project.api.ProjectUpserted;
import com.coastline.project.contact.Contact;
import com.coastline.project.project.Project;

/** Maps a project's state, as just saved, onto the events of project-api. */
public final class ProjectEvents {

	private ProjectEvents() {
	}

	/** Carries the primary contact's details, so that automations need not call back. */
	public static ProjectApproved approved(Project project, Contact primaryContact) {
		var contact = new ProjectApproved.PrimaryContact(primaryContact.getId(), primaryContact.getFirstName(),
				primaryContact.getLastName(), primaryContact.getEmail());
		return new ProjectApproved(UUID.randomUUID(), project.getWorkspaceId(), project.getId(), project.getName(),
				project.getAddress(), contact, project.getApprovedAt(), project.getVersion());
	}

	/** The whole state, for consumers keeping a projection of projects and of who sees them. */
	public static ProjectUpserted upserted(Project project) {
		return new ProjectUpserted(UUID.randomUUID(), project.getWorkspaceId(), project.getId(), project.getName(),
				project.getAddress(), project.getStatus().name(), project.getPrimaryContactId(),
				project.addedContactIds(), project.getVersion(), project.getUpdatedAt());
	}
}
