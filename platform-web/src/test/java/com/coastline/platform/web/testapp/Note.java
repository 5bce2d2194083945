package com.coastline.platform.web.testapp;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

/** A tenant-owned row: {@code workspace_id} is filled and filtered by Hibernate from the current tenant. */
@Entity
@Table(name = "note", uniqueConstraints = @UniqueConstraint(columnNames = { "workspace_id", "title" }))
public class Note {

	@Id
	private UUID id;

	@TenantId
	@Column(name = "workspace_id", nullable = false, updatable = false)
	private UUID workspaceId;

	@Column(nullable = false, length = 100)
	private String title;

	@Version
	private long version;

	protected Note() {
	}

	public Note(UUID id, String title) {
		this.id = id;
		this.title = title;
	}

	/** A detached copy carrying the version the caller read, to save an update against it. */
	Note(UUID id, UUID workspaceId, String title, long version) {
		this(id, title);
		this.workspaceId = workspaceId;
		this.version = version;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getWorkspaceId() {
		return this.workspaceId;
	}

	public String getTitle() {
		return this.title;
	}

	public long getVersion() {
		return this.version;
	}
}
