package com.coastline.project.project;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.coastline.platform.web.problem.UnprocessableException;

/**
 * 422: a contact given for a project (as its added contact, or its new primary contact) cannot be
 * used: it is not an active contact of the workspace, or it already has that role. Names the field in
 * {@code errors}, shaped like a validation problem's. Unknown contacts and other workspaces' are not
 * told apart.
 */
public class ContactNotUsable extends UnprocessableException {

	private final String field;

	private final String reason;

	private ContactNotUsable(String field, String detail, String reason) {
		super(detail);
		this.field = field;
		this.reason = reason;
	}

	static ContactNotUsable notActive(String field, UUID contactId) {
		return new ContactNotUsable(field, "Contact " + contactId + " is not an active contact of this workspace.",
				"must be an active contact of this workspace");
	}

	static ContactNotUsable primary(String field, UUID contactId) {
		return new ContactNotUsable(field, "Contact " + contactId + " is the project's primary contact.",
				"is the project's primary contact");
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("errors", List.of(Map.of("field", this.field, "message", this.reason)));
	}
}
