package com.coastline.media.photo;

import java.time.Instant;
import java.util.List;
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
 * A photo of a project. The original is kept as uploaded and stays internal; clients only ever get the
 * thumbnail and the web rendition, re-encoded from pixels (no metadata carried over). Private until
 * staff add it to the customer portal; each change records who and when.
 */
@Entity
@Table(name = "photo")
public class Photo implements Persistable<UUID> {

	@Id
	private UUID id;

	@TenantId
	@Column(name = "workspace_id", nullable = false, updatable = false)
	private UUID workspaceId;

	@Column(nullable = false, updatable = false)
	private UUID projectId;

	@Column(nullable = false, length = 255)
	private String fileName;

	@Column(nullable = false, length = 100)
	private String contentType;

	@Column(nullable = false)
	private String originalKey;

	private long originalSize;

	@Column(nullable = false)
	private String thumbnailKey;

	@Column(nullable = false)
	private String webKey;

	@Column(nullable = false, length = 100)
	private String renditionType;

	private int width;

	private int height;

	@Column(nullable = false, length = 200)
	private String uploadedBy;

	@Column(nullable = false)
	private Instant uploadedAt;

	private boolean onPortal;

	@Column(length = 200)
	private String visibilityChangedBy;

	private Instant visibilityChangedAt;

	@Version
	private long version;

	/** Created here, not yet stored: lets Spring Data persist rather than merge an entity with an assigned id. */
	@Transient
	private boolean fresh;

	protected Photo() {
	}

	Photo(UUID projectId, String fileName, String contentType, StoredPhoto stored, String uploadedBy, Instant uploadedAt) {
		this.id = UUID.randomUUID();
		this.projectId = projectId;
		this.fileName = fileName;
		this.contentType = contentType;
		this.originalKey = stored.originalKey();
		this.originalSize = stored.originalSize();
		this.thumbnailKey = stored.thumbnailKey();
		this.webKey = stored.webKey();
		this.renditionType = stored.renditionType();
		this.width = stored.width();
		this.height = stored.height();
		this.uploadedBy = uploadedBy;
		this.uploadedAt = uploadedAt;
		this.fresh = true;
	}

	/**
	 * Adds the photo to the customer portal, or removes it.
	 * @return whether anything changed (asking for the current state again changes nothing, records nothing)
	 */
	boolean showOnPortal(boolean show, String by, Instant at) {
		if (this.onPortal == show) {
			return false;
		}
		this.onPortal = show;
		this.visibilityChangedBy = by;
		this.visibilityChangedAt = at;
		return true;
	}

	/** The stored object of a rendition clients may download. */
	String keyOf(Rendition rendition) {
		return switch (rendition) {
			case THUMBNAIL -> this.thumbnailKey;
			case WEB -> this.webKey;
		};
	}

	/** Every stored object of the photo: the original and both renditions. */
	List<String> storedKeys() {
		return List.of(this.originalKey, this.thumbnailKey, this.webKey);
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	@Override
	public boolean isNew() {
		return this.fresh;
	}

	@PostLoad
	@PostPersist
	void stored() {
		this.fresh = false;
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

	String originalKey() {
		return this.originalKey;
	}

	public long originalSize() {
		return this.originalSize;
	}

	public String renditionType() {
		return this.renditionType;
	}

	public int width() {
		return this.width;
	}

	public int height() {
		return this.height;
	}

	public String uploadedBy() {
		return this.uploadedBy;
	}

	public Instant uploadedAt() {
		return this.uploadedAt;
	}

	public boolean onPortal() {
		return this.onPortal;
	}

	public String visibilityChangedBy() {
		return this.visibilityChangedBy;
	}

	public Instant visibilityChangedAt() {
		return this.visibilityChangedAt;
	}
}
