package com.coastline.media.project;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.TenantId;

import org.springframework.data.domain.Persistable;

/**
 * media-service's projection of a project: its name and the contacts who may see it in the portal
 * (the primary contact and the added ones), from project-service's {@code ProjectUpserted}. Kept at
 * the newest version seen; older events change nothing.
 */
@Entity
@Table(name = "project_access")
public class ProjectAccess implements Persistable<UUID> {

	@Id
	@Column(name = "project_id")
	private UUID projectId;

	@TenantId
	@Column(name = "workspace_id", nullable = false, updatable = false)
	private UUID workspaceId;

	@Column(nullable = false, length = 200)
	private String name;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "project_access_contact", joinColumns = @JoinColumn(name = "project_id"))
	@Column(name = "contact_id", nullable = false)
	private Set<UUID> contactIds = new HashSet<>();

	/** The project's version in project-service (not a lock of ours). */
	@Column(nullable = false)
	private long version;

	@Column(nullable = false)
	private Instant updatedAt;

	/** Created here, not yet stored: lets Spring Data persist rather than merge. */
	@Transient
	private boolean fresh;

	@PostLoad
	@PostPersist
	void stored() {
		this.fresh = false;
	}

	protected ProjectAccess() {
	}

	static ProjectAccess of(UUID projectId) {
		ProjectAccess access = new ProjectAccess();
		access.projectId = projectId;
		access.version = -1;
		access.fresh = true;
		return access;
	}

	/**
	 * Takes the project's state as of {@code version}, unless what is held is as new or newer.
	 * @return whether anything changed
	 */
	boolean update(String name, UUID primaryContactId, List<UUID> addedContactIds, long version, Instant now) {
		if (version <= this.version) {
			return false;
		}
		this.name = name;
		this.contactIds.clear();
		if (primaryContactId != null) {
			this.contactIds.add(primaryContactId);
		}
		if (addedContactIds != null) {
			this.contactIds.addAll(addedContactIds);
		}
		this.version = version;
		this.updatedAt = now;
		return true;
	}

	/** Whether this contact may see the project in the portal. */
	public boolean isVisibleTo(UUID contactId) {
		return contactId != null && this.contactIds.contains(contactId);
	}

	@Override
	public UUID getId() {
		return this.projectId;
	}

	@Override
	public boolean isNew() {
		return this.fresh;
	}

	public UUID projectId() {
		return this.projectId;
	}

	public String name() {
		return this.name;
	}

	public long version() {
		return this.version;
	}
}
