package com.coastline.project.project;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

import org.springframework.data.domain.Persistable;

/**
 * A job of a workspace for one client, its primary contact (referenced by id: contacts are their own
 * aggregate). Its version starts at 1 and grows with every change.
 */
@Entity
@Table(name = "project")
public class Project implements Persistable<UUID> {

	@Id
	private UUID id;

	@TenantId
	@Column(name = "workspace_id", nullable = false, updatable = false)
	private UUID workspaceId;

	@Column(nullable = false, length = 200)
	private String name;

	@Column(length = 500)
	private String address;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 30)
	private ProjectStatus status;

	@Column(nullable = false)
	private UUID primaryContactId;

	private Instant approvedAt;

	@Version
	private long version;

	@Column(nullable = false, updatable = false)
	private Instant createdAt;

	@Column(nullable = false)
	private Instant updatedAt;

	@Transient
	private boolean created;

	protected Project() {
	}

	private Project(String name, String address, UUID primaryContactId, Instant now) {
		this.id = UUID.randomUUID();
		this.name = requireText(name, "name");
		this.address = (address == null || address.isBlank()) ? null : address.trim();
		this.primaryContactId = Objects.requireNonNull(primaryContactId, "primaryContactId");
		this.status = ProjectStatus.LEAD;
		this.version = 1;
		this.createdAt = now;
		this.updatedAt = now;
		this.created = true;
	}

	/**
	 * A new lead of the current workspace. The caller has checked that the primary contact is an active
	 * contact of the workspace (the database also refuses one of another workspace).
	 */
	public static Project lead(String name, String address, UUID primaryContactId, Instant now) {
		return new Project(name, address, primaryContactId, now);
	}

	/**
	 * Approves the project.
	 * @throws ProjectAlreadyApproved when it already is: approval happens once, and so does its event
	 */
	public void approve(Instant now) {
		if (this.status == ProjectStatus.APPROVED) {
			throw new ProjectAlreadyApproved(this.id);
		}
		this.status = ProjectStatus.APPROVED;
		this.approvedAt = now;
		this.updatedAt = now;
	}

	private static String requireText(String value, String name) {
		String trimmed = Objects.requireNonNull(value, name).trim();
		if (trimmed.isEmpty()) {
			throw new IllegalArgumentException(name + " is blank");
		}
		return trimmed;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	public UUID getWorkspaceId() {
		return this.workspaceId;
	}

	public String getName() {
		return this.name;
	}

	public String getAddress() {
		return this.address;
	}

	public ProjectStatus getStatus() {
		return this.status;
	}

	public UUID getPrimaryContactId() {
		return this.primaryContactId;
	}

	public Instant getApprovedAt() {
		return this.approvedAt;
	}

	public long getVersion() {
		return this.version;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	/** Ids are assigned here, so Spring Data is told which projects are new (persist, not merge). */
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
