package com.coastline.project.project;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.coastline.platform.web.problem.UnprocessableException;

/**
 * 422: the primary contact must be an active contact of the project's workspace. Names the field in
 * {@code errors}, shaped like a validation problem's. Unknown contacts and other workspaces' are not
 * told apart.
 */
public class PrimaryContactNotUsable extends UnprocessableException {

	static final String FIELD = "primaryContactId";

	public PrimaryContactNotUsable(UUID contactId) {
		super("Contact " + contactId + " is not an active contact of this workspace.");
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("errors", List.of(Map.of("field", FIELD, "message", "must be an active contact of this workspace")));
	}
}
