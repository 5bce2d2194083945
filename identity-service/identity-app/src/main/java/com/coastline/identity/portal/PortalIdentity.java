package com.coastline.identity.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A contact of project-service as a portal identity: who may sign in to a workspace's portal.
 *
 * @param email normalised (trimmed, lower case)
 * @param version the contact's version at project-service; older events are ignored
 */
public record PortalIdentity(UUID contactId, UUID workspaceId, String firstName, String lastName, String email,
		boolean archived, long version) {

	static final String COLUMNS = "contact_id, workspace_id, first_name, last_name, email, archived, version";

	static PortalIdentity map(ResultSet row, int index) throws SQLException {
		return new PortalIdentity(row.getObject("contact_id", UUID.class), row.getObject("workspace_id", UUID.class),
				row.getString("first_name"), row.getString("last_name"), row.getString("email"),
				row.getBoolean("archived"), row.getLong("version"));
	}
}
