package com.coastline.project.contact;

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
 * A client of a workspace: who a project belongs to and who signs in to the portal. Its version
 * starts at 1 and grows with every change; events carry it so that consumers can ignore stale ones.
 */
@Entity
@Table(name = "contact")
public class Contact implements Persistable<UUID> {

	@Id
	private UUID id;

	@TenantId
	@Column(name = "workspace_id", nullable = false, updatable = false)
	private UUID workspaceId;

	@Column(nullable = false, length = 100)
	private String firstName;

	@Column(nullable = false, length = 100)
	private String lastName;

	@Column(nullable = false, length = EmailAddresses.MAX_LENGTH)
	private String email;

	@Column(length = 40)
	private String phone;

	@Column(nullable = false)
	private boolean archived;

	@Version
	private long version;

	@Column(nullable = false, updatable = false)
	private Instant createdAt;

	@Column(nullable = false)
	private Instant updatedAt;

	@Transient
	private boolean created;

	protected Contact() {
	}

	private Contact(ContactDetails details, Instant now) {
		this.id = UUID.randomUUID();
		this.version = 1;
		this.createdAt = now;
		this.created = true;
		apply(details, now);
	}

	/** A new, active contact of the current workspace (stamped when it is saved). */
	public static Contact create(ContactDetails details, Instant now) {
		return new Contact(details, now);
	}

	/**
	 * Replaces the contact's details.
	 * @return whether anything changed (an unchanged contact keeps its version)
	 * @throws ContactIsArchived when the contact is archived
	 */
	public boolean update(ContactDetails details, Instant now) {
		if (this.archived) {
			throw new ContactIsArchived(this.id);
		}
		if (details.equals(details())) {
			return false;
		}
		apply(details, now);
		return true;
	}

	/**
	 * Archives the contact: it stays on record (and on its projects) but can no longer sign in.
	 * @throws ContactIsArchived when it already is
	 */
	public void archive(Instant now) {
		if (this.archived) {
			throw new ContactIsArchived(this.id);
		}
		this.archived = true;
		this.updatedAt = now;
	}

	private void apply(ContactDetails details, Instant now) {
		this.firstName = details.firstName();
		this.lastName = details.lastName();
		this.email = details.email();
		this.phone = details.phone();
		this.updatedAt = now;
	}

	public ContactDetails details() {
		return new ContactDetails(this.firstName, this.lastName, this.email, this.phone);
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	public UUID getWorkspaceId() {
		return this.workspaceId;
	}

	public String getFirstName() {
		return this.firstName;
	}

	public String getLastName() {
		return this.lastName;
	}

	public String getEmail() {
		return this.email;
	}

	public String getPhone() {
		return this.phone;
	}

	public boolean isArchived() {
		return this.archived;
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

	/** Ids are assigned here, so Spring Data is told which contacts are new (persist, not merge). */
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
