package com.coastline.automation.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the runs know about workspaces, projects and contacts: a projection of identity- and
 * project-service's events, each row kept at the newest version seen (an older or repeated event changes
 * nothing). Runs read it when they are carried out, not when their trigger arrives, so an event that
 * overtakes the contact it concerns (they travel under different keys) only makes the run wait.
 * <p>
 * Plain SQL with the workspace in every statement: the rows are written by consumers and read by the run
 * processor, system work that names its workspace itself.
 */
@Component
public class Directory {

	private final JdbcTemplate jdbc;

	Directory(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A workspace as its clients know the contractor: the portal's display name when the workspace has a
	 * portal profile, else the workspace's name; and the portal's phone, or null.
	 */
	public record Workspace(UUID id, String contractorName, String contractorPhone) {
	}

	/** A project and its client. */
	public record Project(UUID id, UUID workspaceId, String name, String address, UUID primaryContactId) {
	}

	/** A contact; archived contacts get no automated email. */
	public record Contact(UUID id, UUID workspaceId, String firstName, String lastName, String email,
			boolean archived) {

		/** First and last name, or null when it has neither. */
		public String fullName() {
			String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
			return name.isEmpty() ? null : name;
		}
	}

	public void workspace(UUID workspaceId, String name, long version) {
		jdbc.update("""
				insert into directory_workspace (workspace_id, name, version) values (?, ?, ?)
				on conflict (workspace_id) do update set name = excluded.name, version = excluded.version
				where directory_workspace.version is null or directory_workspace.version < excluded.version""",
				workspaceId, name, version);
	}

	/** The contractor's name and phone as the workspace's portal profile shows them (newest version wins). */
	public void portalProfile(UUID workspaceId, String displayName, String phone, long version) {
		jdbc.update("""
				insert into directory_workspace (workspace_id, portal_display_name, portal_phone, portal_version)
				values (?, ?, ?, ?)
				on conflict (workspace_id) do update
				set portal_display_name = excluded.portal_display_name, portal_phone = excluded.portal_phone,
				    portal_version = excluded.portal_version
				where directory_workspace.portal_version is null or directory_workspace.portal_version < excluded.portal_version""",
				workspaceId, displayName, phone, version);
	}

	public void project(Project project, long version) {
		jdbc.update("""
				insert into directory_project (project_id, workspace_id, name, address, primary_contact_id, version)
				values (?, ?, ?, ?, ?, ?)
				on conflict (project_id) do update
				set name = excluded.name, address = excluded.address, primary_contact_id = excluded.primary_contact_id,
				    version = excluded.version
				where directory_project.version < excluded.version and directory_project.workspace_id = excluded.workspace_id""",
				project.id(), project.workspaceId(), project.name(), project.address(), project.primaryContactId(),
				version);
	}

	public void contact(Contact contact, long version) {
		jdbc.update("""
				insert into directory_contact (contact_id, workspace_id, first_name, last_name, email, archived, version)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (contact_id) do update
				set first_name = excluded.first_name, last_name = excluded.last_name, email = excluded.email,
				    archived = excluded.archived, version = excluded.version
				where directory_contact.version < excluded.version and directory_contact.workspace_id = excluded.workspace_id""",
				contact.id(), contact.workspaceId(), contact.firstName(), contact.lastName(), contact.email(),
				contact.archived(), version);
	}

	/**
	 * A contact as an event about something else describes it (a {@code ProjectApproved} names its primary
	 * contact without the contact's version): recorded only when nothing is known yet, at version 0, so
	 * any {@code ContactUpserted} replaces it.
	 */
	public void contactIfUnknown(Contact contact) {
		jdbc.update("""
				insert into directory_contact (contact_id, workspace_id, first_name, last_name, email, archived, version)
				values (?, ?, ?, ?, ?, false, 0)
				on conflict (contact_id) do nothing""", contact.id(), contact.workspaceId(), contact.firstName(),
				contact.lastName(), contact.email());
	}

	public void contactArchived(UUID workspaceId, UUID contactId, long version) {
		jdbc.update("""
				insert into directory_contact (contact_id, workspace_id, archived, version) values (?, ?, true, ?)
				on conflict (contact_id) do update set archived = true, version = excluded.version
				where directory_contact.version < excluded.version and directory_contact.workspace_id = excluded.workspace_id""",
				contactId, workspaceId, version);
	}

	public Optional<Workspace> workspace(UUID workspaceId) {
		return jdbc.query("""
				select workspace_id, coalesce(nullif(btrim(portal_display_name), ''), name), portal_phone
				from directory_workspace where workspace_id = ?""",
				(row, n) -> new Workspace(row.getObject(1, UUID.class), row.getString(2), row.getString(3)), workspaceId)
			.stream()
			.filter(workspace -> workspace.contractorName() != null)
			.findFirst();
	}

	public Optional<Project> project(UUID workspaceId, UUID projectId) {
		return jdbc.query("""
				select project_id, workspace_id, name, address, primary_contact_id from directory_project
				where workspace_id = ? and project_id = ?""", Directory::project, workspaceId, projectId)
			.stream()
			.findFirst();
	}

	public Optional<Contact> contact(UUID workspaceId, UUID contactId) {
		return jdbc.query("""
				select contact_id, workspace_id, first_name, last_name, email, archived from directory_contact
				where workspace_id = ? and contact_id = ?""", Directory::contact, workspaceId, contactId)
			.stream()
			.findFirst();
	}

	private static Project project(ResultSet row, int n) throws SQLException {
		return new Project(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
				row.getString(4), row.getObject(5, UUID.class));
	}

	private static Contact contact(ResultSet row, int n) throws SQLException {
		return new Contact(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
				row.getString(4), row.getString(5), row.getBoolean(6));
	}
}
