package com.coastline.portal.profile;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

/**
 * A workspace's Customer Portal: whether clients can use it, its address (slug), and its branding (display
 * name, accent colour, logo, the contractor's contact details for the footer). Each change a client can see
 * raises {@link #revision()}, the version its events carry.
 */
@Entity
@Table(name = "portal_profile")
public class PortalProfile {

	/** Readable with white text (6.7:1); used until staff choose another. */
	public static final String DEFAULT_ACCENT = "#0b5cad";

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@TenantId
	@Column(name = "workspace_id", nullable = false, updatable = false)
	private UUID workspaceId;

	/** The workspace's name from identity-service: the display name unless staff set one. */
	private String workspaceName;

	/** The version of the workspace that {@link #workspaceName} comes from. */
	@Column(nullable = false)
	private long workspaceNameVersion;

	private String slug;

	private String displayName;

	@Column(nullable = false)
	private String accentColor = DEFAULT_ACCENT;

	private String contactPhone;

	private String contactEmail;

	private String contactAddress;

	/** The current logo's tag (a digest prefix): part of its public URL, so a new logo gets a new URL. */
	private String logoTag;

	@Column(nullable = false)
	private boolean active;

	/** Raised by every change clients can see; the version of the events. */
	@Column(nullable = false)
	private long revision;

	@Version
	@Column(nullable = false)
	private long lockVersion;

	@Column(nullable = false)
	private Instant updatedAt;

	protected PortalProfile() {
	}

	static PortalProfile create(Instant now) {
		PortalProfile profile = new PortalProfile();
		profile.updatedAt = now;
		return profile;
	}

	/** Takes the workspace's name as of {@code version}, unless what is held is as new or newer. */
	void workspaceNamed(String name, long version, Instant now) {
		if (version <= this.workspaceNameVersion) {
			return;
		}
		this.workspaceName = name;
		this.workspaceNameVersion = version;
		this.updatedAt = now;
	}

	/**
	 * Replaces the branding and address.
	 * @return whether anything changed
	 */
	boolean change(String slug, String displayName, String accentColor, String contactPhone, String contactEmail,
			String contactAddress, Instant now) {
		if (displayName == null && this.workspaceName == null) {
			throw new ProfileIncompleteException(
					"Give the portal a display name: the workspace's name is not known to the portal yet.");
		}
		boolean changed = !Objects.equals(this.slug, slug) || !Objects.equals(this.displayName, displayName)
				|| !Objects.equals(this.accentColor, accentColor) || !Objects.equals(this.contactPhone, contactPhone)
				|| !Objects.equals(this.contactEmail, contactEmail)
				|| !Objects.equals(this.contactAddress, contactAddress);
		if (changed) {
			this.slug = slug;
			this.displayName = displayName;
			this.accentColor = accentColor;
			this.contactPhone = contactPhone;
			this.contactEmail = contactEmail;
			this.contactAddress = contactAddress;
			touch(now);
		}
		return changed;
	}

	/**
	 * Turns the portal on; it needs an address first.
	 * @return whether it was off
	 */
	boolean activate(Instant now) {
		requireAddress("activating the portal");
		if (this.active) {
			return false;
		}
		this.active = true;
		touch(now);
		return true;
	}

	/**
	 * Turns the portal off.
	 * @return whether it was on
	 */
	boolean deactivate(Instant now) {
		if (!this.active) {
			return false;
		}
		this.active = false;
		touch(now);
		return true;
	}

	/**
	 * Takes a new logo, named by its tag.
	 * @return whether it differs from the current one
	 */
	boolean logoChanged(String tag, Instant now) {
		requireAddress("uploading a logo");
		if (tag.equals(this.logoTag)) {
			return false;
		}
		this.logoTag = tag;
		touch(now);
		return true;
	}

	/**
	 * Removes the logo.
	 * @return whether there was one
	 */
	boolean logoRemoved(Instant now) {
		if (this.logoTag == null) {
			return false;
		}
		this.logoTag = null;
		touch(now);
		return true;
	}

	private void requireAddress(String action) {
		if (this.slug == null) {
			throw new ProfileIncompleteException("Choose the portal's address (slug) before " + action + ".");
		}
	}

	private void touch(Instant now) {
		this.revision++;
		this.updatedAt = now;
	}

	public UUID workspaceId() {
		return this.workspaceId;
	}

	public String slug() {
		return this.slug;
	}

	/** The name clients see: the one staff chose, else the workspace's. */
	public String displayName() {
		return (this.displayName != null) ? this.displayName : this.workspaceName;
	}

	/** The name staff chose, or null when the workspace's name is shown. */
	public String customDisplayName() {
		return this.displayName;
	}

	public String workspaceName() {
		return this.workspaceName;
	}

	public String accentColor() {
		return this.accentColor;
	}

	public String contactPhone() {
		return this.contactPhone;
	}

	public String contactEmail() {
		return this.contactEmail;
	}

	public String contactAddress() {
		return this.contactAddress;
	}

	public String logoTag() {
		return this.logoTag;
	}

	public boolean isActive() {
		return this.active;
	}

	public long revision() {
		return this.revision;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}
}
