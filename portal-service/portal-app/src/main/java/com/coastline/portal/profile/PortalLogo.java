package com.coastline.portal.profile;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

/**
 * The workspace's logo as served: re-encoded from pixels (no metadata, no scripts), small enough (at most
 * 1 MB uploaded, at most 1024 px) to live in the database beside the profile.
 */
@Entity
@Table(name = "portal_logo")
class PortalLogo {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@TenantId
	@Column(name = "workspace_id", nullable = false, updatable = false)
	private UUID workspaceId;

	@Column(nullable = false)
	private byte[] content;

	@Column(nullable = false)
	private String contentType;

	@Column(nullable = false)
	private String tag;

	@Column(nullable = false)
	private int width;

	@Column(nullable = false)
	private int height;

	@Column(nullable = false)
	private String uploadedBy;

	@Column(nullable = false)
	private Instant uploadedAt;

	protected PortalLogo() {
	}

	PortalLogo(LogoImages.Encoded image, String uploadedBy, Instant now) {
		replace(image, uploadedBy, now);
	}

	void replace(LogoImages.Encoded image, String uploadedBy, Instant now) {
		this.content = image.content();
		this.contentType = image.contentType();
		this.tag = image.tag();
		this.width = image.width();
		this.height = image.height();
		this.uploadedBy = uploadedBy;
		this.uploadedAt = now;
	}

	byte[] content() {
		return this.content;
	}

	String contentType() {
		return this.contentType;
	}

	String tag() {
		return this.tag;
	}

	Instant uploadedAt() {
		return this.uploadedAt;
	}
}
