package com.coastline.portal.profile;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * A portal address a workspace claimed, current or old. Deliberately not tenant-filtered: it is the
 * registry that keeps addresses unique across workspaces and that a public lookup starts from. Rows are
 * never deleted, so an address that sent links still use can never pass to another workspace.
 */
@Entity
@Table(name = "portal_slug_history")
class PortalSlug implements Persistable<String> {

	@Id
	private String slug;

	@Column(nullable = false, updatable = false)
	private UUID workspaceId;

	@Column(nullable = false, updatable = false)
	private Instant claimedAt;

	@Transient
	private boolean fresh;

	@PostLoad
	@PostPersist
	void stored() {
		this.fresh = false;
	}

	protected PortalSlug() {
	}

	PortalSlug(String slug, UUID workspaceId, Instant claimedAt) {
		this.slug = slug;
		this.workspaceId = workspaceId;
		this.claimedAt = claimedAt;
		this.fresh = true;
	}

	@Override
	public String getId() {
		return this.slug;
	}

	@Override
	public boolean isNew() {
		return this.fresh;
	}

	String slug() {
		return this.slug;
	}

	UUID workspaceId() {
		return this.workspaceId;
	}
}
