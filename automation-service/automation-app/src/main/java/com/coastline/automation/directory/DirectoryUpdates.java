package com.coastline.automation.directory;

import com.coastline.identity.api.WorkspaceCreated;
import com.coastline.platform.messaging.PoisonMessageException;
import com.coastline.portal.api.PortalProfileChanged;
import com.coastline.project.api.ContactArchived;
import com.coastline.project.api.ContactUpserted;
import com.coastline.project.api.ProjectUpserted;

import org.springframework.stereotype.Service;

/**
 * Keeps the {@link Directory} from identity-, project- and portal-service's events. Called by the idempotent
 * consumers in their transaction; versions make a repeated or overtaken event change nothing.
 */
@Service
public class DirectoryUpdates {

	private final Directory directory;

	DirectoryUpdates(Directory directory) {
		this.directory = directory;
	}

	public void workspaceCreated(WorkspaceCreated event) {
		if (event.workspaceId() == null || event.name() == null) {
			throw new PoisonMessageException("WorkspaceCreated without workspace or name");
		}
		directory.workspace(event.workspaceId(), event.name(), event.version());
	}

	public void portalProfileChanged(PortalProfileChanged event) {
		if (event.workspaceId() == null) {
			throw new PoisonMessageException("PortalProfileChanged without workspace");
		}
		directory.portalProfile(event.workspaceId(), event.displayName(), event.contactPhone(), event.version());
	}

	public void projectUpserted(ProjectUpserted event) {
		if (event.workspaceId() == null || event.projectId() == null || event.name() == null) {
			throw new PoisonMessageException("ProjectUpserted without workspace, project or name");
		}
		directory.project(new Directory.Project(event.projectId(), event.workspaceId(), event.name(), event.address(),
				event.primaryContactId()), event.version());
	}

	public void contactUpserted(ContactUpserted event) {
		if (event.workspaceId() == null || event.contactId() == null) {
			throw new PoisonMessageException("ContactUpserted without workspace or contact");
		}
		directory.contact(new Directory.Contact(event.contactId(), event.workspaceId(), event.firstName(),
				event.lastName(), event.email(), false), event.version());
	}

	public void contactArchived(ContactArchived event) {
		if (event.workspaceId() == null || event.contactId() == null) {
			throw new PoisonMessageException("ContactArchived without workspace or contact");
		}
		directory.contactArchived(event.workspaceId(), event.contactId(), event.version());
	}
}
