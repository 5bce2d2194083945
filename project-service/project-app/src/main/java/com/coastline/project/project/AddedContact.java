package com.coastline.project.project;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.TenantId;

import org.springframework.data.domain.Persistable;

/**
 * A contact besides the primary one who may see a project in the portal (a spouse, a property
 * manager). Part of the {@link Project} aggregate: added and removed only through it.
 */
@Entity
@Table(name = "project_contact")
class AddedContact implements Persistable<UUID> {

	@Id
	private UUID id;

	@TenantId
	@Column(name = "workspace_id", nullable = false, updatable = false)
	private UUID workspaceId;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "project_id", nullable = false, updatable = false)
	private Project project;

	@Column(nullable = false, updatable = false)
	private UUID contactId;

	@Column(nullable = false, updatable = false)
	private Instant addedAt;

	@Transient
	private boolean created;

	protected AddedContact() {
	}

	AddedContact(Project project, UUID contactId, Instant now) {
		this.id = UUID.randomUUID();
		this.project = project;
		this.contactId = contactId;
		this.addedAt = now;
		this.created = true;
	}

	UUID getContactId() {
		return this.contactId;
	}

	Instant getAddedAt() {
		return this.addedAt;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	@Override
	public boolean isNew() {
		return this.created;
	}

	@PostPersist
	@PostLoad
	void markStored() {
		this.created = false;
	}
}
