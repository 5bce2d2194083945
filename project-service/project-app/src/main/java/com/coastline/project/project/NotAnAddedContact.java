package com.coastline.project.project;

import java.util.UUID;

import com.coastline.platform.web.problem.NotFoundException;

/** 404: the contact is not one of the project's added contacts (so there is nothing to remove). */
public class NotAnAddedContact extends NotFoundException {

	public NotAnAddedContact(UUID projectId, UUID contactId) {
		super("Contact " + contactId + " is not an added contact of project " + projectId + ".");
	}
}
