package com.coastline.media.document;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

import org.springframework.data.domain.Persistable;

/**
 * A document of a project (contract, permit, warranty): PDF or an office file, stored as uploaded.
 * Private until staff share it with the client; each change records who and when.
 */
@Entity
@Table(name = "document")
public class Document implements Persistable<UUID> {

	@Id
	private UUID id;

	@TenantId
	@Column(name = "workspace_id", nullable = false, updatable = false)
	private UUID workspaceId;

	@Column(nullable = false, updatable = false)
	private UUID projectId;

	@Column(nullable = false, length = 255)
	private String fileName;

	@Column(nullable = false, length = 150)
	private String contentType;

	@Column(nullable = false)
	private String storageKey;

	private long size;

	@Column(nullable = false, length = 200)
	private String uploadedBy;

	@Column(nullable = false)
	private Instant uploadedAt;

	private boolean shared;

	@Column(length = 200)
	private String visibilityChangedBy;

	private Instant visibilityChangedAt;

	@Version
	private long version;

	/** Created here, not yet stored: lets Spring Data persist rather than merge an entity with an assigned id. */
	@Transient
	private boolean fresh;

	protected Document() {
	}

	Document(UUID projectId, String fileName, String contentType, String storageKey, long size, String uploadedBy,
			Instant uploadedAt) {
		this.id = UUID.randomUUID();
		this.projectId = projectId;
		this.fileName = fileName;
		this.contentType = contentType;
		this.storageKey = storageKey;
		this.size = size;
		this.uploadedBy = uploadedBy;
		this.uploadedAt = uploadedAt;
		this.fresh = true;
	}

	/**
	 * Shares the document with the client or unshares it.
	 * @return whether anything changed (asking for the current state again changes nothing, records nothing)
	 */
	boolean share(boolean share, String by, Instant at) {
		if (this.shared == share) {
			return false;
		}
		this.shared = share;
		this.visibilityChangedBy = by;
		this.visibilityChangedAt = at;
		return true;
	}

	@PostLoad
	@PostPersist
	void stored() {
		this.fresh = false;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	@Override
	public boolean isNew() {
		return this.fresh;
	}

	public UUID projectId() {
		return this.projectId;
	}

	public String fileName() {
		return this.fileName;
	}

	public String contentType() {
		return this.contentType;
	}

	String storageKey() {
		return this.storageKey;
	}

	public long size() {
		return this.size;
	}

	public String uploadedBy() {
		return this.uploadedBy;
	}

	public Instant uploadedAt() {
		return this.uploadedAt;
	}

	public boolean shared() {
		return this.shared;
	}

	public String visibilityChangedBy() {
		return this.visibilityChangedBy;
	}

	public Instant visibilityChangedAt() {
		return this.visibilityChangedAt;
	}
}
