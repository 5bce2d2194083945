package com.coastline.portal.project;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.TenantId;

import org.springframework.data.domain.Persistable;

/**
 * portal-service's projection of a project: its primary contact (the client who gets the portal link),
 * from project-service's {@code ProjectUpserted}. Kept at the newest version seen; older events change
 * nothing.
 */
@Entity
@Table(name = "project_contact")
class ProjectContact implements Persistable<UUID> {

	@Id
	@Column(name = "project_id")
	private UUID projectId;

	@TenantId
	@Column(name = "workspace_id", nullable = false, updatable = false)
	private UUID workspaceId;

	private UUID primaryContactId;

	/** The project's version in project-service (not a lock of ours). */
	@Column(nullable = false)
	private long version;

	@Column(nullable = false)
	private Instant updatedAt;

	@Transient
	private boolean fresh;

	@PostLoad
	@PostPersist
	void stored() {
		this.fresh = false;
	}

	protected ProjectContact() {
	}

	static ProjectContact of(UUID projectId) {
		ProjectContact project = new ProjectContact();
		project.projectId = projectId;
		project.version = -1;
		project.fresh = true;
		return project;
	}

	/**
	 * Takes the project's state as of {@code version}, unless what is held is as new or newer.
	 * @return whether it did
	 */
	boolean update(UUID primaryContactId, long version, Instant now) {
		if (version <= this.version) {
			return false;
		}
		this.primaryContactId = primaryContactId;
		this.version = version;
		this.updatedAt = now;
		return true;
	}

	@Override
	public UUID getId() {
		return this.projectId;
	}

	@Override
	public boolean isNew() {
		return this.fresh;
	}

	UUID primaryContactId() {
		return this.primaryContactId;
	}
}
