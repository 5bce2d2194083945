package com.coastline.identity.staff;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.coastline.identity.api.StaffInvited;
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
 * Someone who works in a workspace's back office, with their role there. The same person working for two
 * workspaces has two memberships (one per workspace), told apart by the workspace they sign in to.
 */
@Entity
@Table(name = "staff_member")
public class StaffMember implements Persistable<UUID> {

	@Id
	private UUID id;

	@TenantId
	@Column(name = "workspace_id", nullable = false, updatable = false)
	private UUID workspaceId;

	@Column(nullable = false, length = EmailAddresses.MAX_LENGTH, updatable = false)
	private String email;

	@Column(nullable = false, length = 200)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 10)
	private StaffRole role;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 10)
	private StaffStatus status;

	@Column(length = 200)
	private String invitedBy;

	@Column(nullable = false)
	private Instant invitedAt;

	private Instant activatedAt;

	private Instant removedAt;

	@Column(nullable = false)
	private Instant updatedAt;

	/** Starts at 1 and grows with every change. */
	@Version
	private long version;

	@Transient
	private boolean created;

	protected StaffMember() {
	}

	private StaffMember(UUID workspaceId, String email, String name, StaffRole role, StaffStatus status,
			String invitedBy, Instant now) {
		this.id = UUID.randomUUID();
		this.workspaceId = workspaceId;
		this.email = EmailAddresses.require(email);
		this.name = requireName(name);
		this.role = Objects.requireNonNull(role, "role");
		this.status = status;
		this.invitedBy = invitedBy;
		this.invitedAt = now;
		this.activatedAt = (status == StaffStatus.ACTIVE) ? now : null;
		this.updatedAt = now;
		this.version = 1;
		this.created = true;
	}

	/**
	 * The owner of a workspace being signed up: active at once. The workspace is named explicitly because
	 * sign-up creates the tenant itself, so no token or scope names it yet.
	 */
	public static StaffMember owner(UUID workspaceId, String email, String name, Instant now) {
		return new StaffMember(Objects.requireNonNull(workspaceId, "workspaceId"), email, name, StaffRole.OWNER,
				StaffStatus.ACTIVE, null, now);
	}

	/** Someone invited to the current workspace (stamped when saved); active after their first sign-in. */
	public static StaffMember invite(String email, String name, StaffRole role, String invitedBy, Instant now) {
		return new StaffMember(null, email, name, role, StaffStatus.INVITED, Objects.requireNonNull(invitedBy, "invitedBy"),
				now);
	}

	/**
	 * Invites a removed member back, with the name and role of the new invitation.
	 * @throws StaffAlreadyInvited when the member is still invited or active
	 */
	public void inviteAgain(String name, StaffRole role, String invitedBy, Instant now) {
		if (this.status != StaffStatus.REMOVED) {
			throw new StaffAlreadyInvited();
		}
		this.name = requireName(name);
		this.role = Objects.requireNonNull(role, "role");
		this.status = StaffStatus.INVITED;
		this.invitedBy = Objects.requireNonNull(invitedBy, "invitedBy");
		this.invitedAt = now;
		this.activatedAt = null;
		this.removedAt = null;
		this.updatedAt = now;
	}

	/**
	 * Removes the member from the workspace; removing a removed member changes nothing.
	 * @param activeOwners how many active owners the workspace has, counted under a lock
	 * @return whether anything changed
	 * @throws LastOwnerCannotBeRemoved when this is the workspace's only active owner
	 */
	public boolean remove(int activeOwners, Instant now) {
		if (this.status == StaffStatus.REMOVED) {
			return false;
		}
		if (isActiveOwner() && activeOwners <= 1) {
			throw new LastOwnerCannotBeRemoved(this.id);
		}
		this.status = StaffStatus.REMOVED;
		this.removedAt = now;
		this.updatedAt = now;
		return true;
	}

	public boolean isActiveOwner() {
		return this.role == StaffRole.OWNER && this.status == StaffStatus.ACTIVE;
	}

	/** The event announcing the (latest) invitation, with a new event id. */
	StaffInvited invited() {
		return new StaffInvited(UUID.randomUUID(), this.workspaceId, this.id, this.role.name(), this.invitedBy,
				this.invitedAt);
	}

	private static String requireName(String name) {
		Objects.requireNonNull(name, "name");
		if (name.isBlank()) {
			throw new IllegalArgumentException("A staff member needs a name");
		}
		return name.strip();
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	public UUID getWorkspaceId() {
		return this.workspaceId;
	}

	public String getEmail() {
		return this.email;
	}

	public String getName() {
		return this.name;
	}

	public StaffRole getRole() {
		return this.role;
	}

	public StaffStatus getStatus() {
		return this.status;
	}

	public String getInvitedBy() {
		return this.invitedBy;
	}

	public Instant getInvitedAt() {
		return this.invitedAt;
	}

	public Instant getActivatedAt() {
		return this.activatedAt;
	}

	public Instant getRemovedAt() {
		return this.removedAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public long getVersion() {
		return this.version;
	}

	/** Ids are assigned here, so Spring Data is told which members are new (persist, not merge). */
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
