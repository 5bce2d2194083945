package com.coastline.project.project;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.hibernate.annotations.TenantId;

import org.springframework.data.domain.Persistable;

/**
 * A job of a workspace for one client, its primary contact (referenced by id: contacts are their own
 * aggregate), and the contacts added to it who may see it too. Its version starts at 1 and grows with
 * every change. Its status moves only as {@link ProjectStatus} allows; once closed (completed or
 * cancelled) its details and contacts no longer change.
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

	/*
	 * Loaded with the project (in batches for lists), since responses are built after the transaction;
	 * a separate select rather than a join, so that locking the project never locks an outer join.
	 */
	@OneToMany(mappedBy = "project", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@Fetch(FetchMode.SELECT)
	@BatchSize(size = 100)
	@OrderBy("addedAt, id")
	private List<AddedContact> addedContacts = new ArrayList<>();

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
		this.address = blankToNull(address);
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
	 * The contractor starts preparing an estimate.
	 * @throws ProjectTransitionNotAllowed unless the project is a lead
	 */
	public void startEstimating(Instant now) {
		move(ProjectStatus.ESTIMATING, "start estimating", now, ProjectStatus.LEAD);
	}

	/**
	 * Approves the project (a lead, or one being estimated).
	 * @throws ProjectAlreadyApproved when it was approved before: approval happens once, and so does its event
	 * @throws ProjectTransitionNotAllowed when it was cancelled
	 */
	public void approve(Instant now) {
		if (this.approvedAt != null) {
			throw new ProjectAlreadyApproved(this.id, this.status);
		}
		move(ProjectStatus.APPROVED, "be approved", now, ProjectStatus.LEAD, ProjectStatus.ESTIMATING);
		this.approvedAt = now;
	}

	/**
	 * The work starts.
	 * @throws ProjectTransitionNotAllowed unless the project is approved
	 */
	public void start(Instant now) {
		move(ProjectStatus.IN_PROGRESS, "be started", now, ProjectStatus.APPROVED);
	}

	/**
	 * The work is done.
	 * @throws ProjectTransitionNotAllowed unless the project is in progress
	 */
	public void complete(Instant now) {
		move(ProjectStatus.COMPLETED, "be completed", now, ProjectStatus.IN_PROGRESS);
	}

	/**
	 * Calls the project off.
	 * @throws ProjectTransitionNotAllowed when it is already completed or cancelled
	 */
	public void cancel(Instant now) {
		move(ProjectStatus.CANCELLED, "be cancelled", now, ProjectStatus.LEAD, ProjectStatus.ESTIMATING,
				ProjectStatus.APPROVED, ProjectStatus.IN_PROGRESS);
	}

	private void move(ProjectStatus to, String what, Instant now, ProjectStatus... from) {
		if (!List.of(from).contains(this.status)) {
			throw new ProjectTransitionNotAllowed(this.id, this.status, what);
		}
		this.status = to;
		this.updatedAt = now;
	}

	/**
	 * Replaces the name and address.
	 * @return whether anything changed (unchanged details keep the version)
	 * @throws ProjectTransitionNotAllowed when the project is closed
	 */
	public boolean changeDetails(String name, String address, Instant now) {
		requireOpen("change its details");
		String newName = requireText(name, "name");
		String newAddress = blankToNull(address);
		if (newName.equals(this.name) && Objects.equals(newAddress, this.address)) {
			return false;
		}
		this.name = newName;
		this.address = newAddress;
		this.updatedAt = now;
		return true;
	}

	/**
	 * Makes another contact the primary contact; the caller has checked that it is an active contact of
	 * the workspace. If it was an added contact, it is one no longer (it now sees the project as its
	 * primary contact). The former primary contact no longer sees the project unless it is added.
	 * @return whether anything changed
	 * @throws ProjectTransitionNotAllowed when the project is closed
	 */
	public boolean changePrimaryContact(UUID contactId, Instant now) {
		requireOpen("change its primary contact");
		Objects.requireNonNull(contactId, "contactId");
		if (contactId.equals(this.primaryContactId)) {
			return false;
		}
		this.addedContacts.removeIf(added -> added.getContactId().equals(contactId));
		this.primaryContactId = contactId;
		this.updatedAt = now;
		return true;
	}

	/**
	 * Lets another contact see the project; the caller has checked that it is an active contact of the
	 * workspace.
	 * @return whether anything changed (adding a contact twice changes nothing)
	 * @throws ContactNotUsable when it is the primary contact
	 * @throws ProjectTransitionNotAllowed when the project is closed
	 */
	public boolean addContact(UUID contactId, Instant now) {
		requireOpen("change its contacts");
		if (contactId.equals(this.primaryContactId)) {
			throw ContactNotUsable.primary("contactId", contactId);
		}
		if (addedContactIds().contains(contactId)) {
			return false;
		}
		this.addedContacts.add(new AddedContact(this, contactId, now));
		this.updatedAt = now;
		return true;
	}

	/**
	 * The contact no longer sees the project.
	 * @throws NotAnAddedContact when it is not one of the added contacts
	 * @throws ProjectTransitionNotAllowed when the project is closed
	 */
	public void removeContact(UUID contactId, Instant now) {
		requireOpen("change its contacts");
		if (!this.addedContacts.removeIf(added -> added.getContactId().equals(contactId))) {
			throw new NotAnAddedContact(this.id, contactId);
		}
		this.updatedAt = now;
	}

	private void requireOpen(String what) {
		if (this.status.isClosed()) {
			throw new ProjectTransitionNotAllowed(this.id, this.status, what);
		}
	}

	/** The contacts besides the primary one who may see the project, in the order they were added. */
	public List<UUID> addedContactIds() {
		return this.addedContacts.stream().map(AddedContact::getContactId).toList();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
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
