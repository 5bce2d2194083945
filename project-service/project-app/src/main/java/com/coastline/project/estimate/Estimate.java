package com.coastline.project.estimate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

import org.springframework.data.domain.Persistable;

/**
 * An estimate of a project (a project may have several): its currency, fixed when it is created, and
 * its versions, the latest of which is the current one. The moves of {@link EstimateStatus} happen here;
 * the caller holds the estimate's row lock, so that they happen one at a time.
 */
@Entity
@Table(name = "estimate")
public class Estimate implements Persistable<UUID> {

	@Id
	private UUID id;

	@TenantId
	@Column(name = "workspace_id", nullable = false, updatable = false)
	private UUID workspaceId;

	@Column(nullable = false, updatable = false)
	private UUID projectId;

	@Column(nullable = false, updatable = false, length = 3)
	private String currency;

	@Column(nullable = false)
	private int currentVersionNumber;

	@OneToMany(mappedBy = "estimate", cascade = CascadeType.ALL)
	@OrderBy("number")
	private List<EstimateVersion> versions = new ArrayList<>();

	@Version
	private long version;

	@Column(nullable = false, updatable = false)
	private Instant createdAt;

	@Column(nullable = false)
	private Instant updatedAt;

	@Transient
	private boolean created;

	protected Estimate() {
	}

	private Estimate(UUID projectId, String currency, EstimateContent content, Instant now) {
		if (!Currencies.isValid(currency)) {
			throw new IllegalArgumentException("Not an ISO 4217 currency with minor units: " + currency);
		}
		this.id = UUID.randomUUID();
		this.projectId = Objects.requireNonNull(projectId, "projectId");
		this.currency = currency;
		this.version = 1;
		this.createdAt = now;
		this.updatedAt = now;
		this.created = true;
		addVersion(content, now);
	}

	/**
	 * A new estimate of a project of the current workspace, with a first, draft version. The caller has
	 * checked that the project is one of the workspace's (the database refuses another workspace's).
	 */
	public static Estimate draft(UUID projectId, String currency, EstimateContent content, Instant now) {
		return new Estimate(projectId, currency, content, now);
	}

	/**
	 * The contractor changes the estimate. A draft is edited in place; anything the client has seen is
	 * kept as it was and the change becomes a new draft version (a sent version the client has not
	 * answered is superseded, so it can no longer be answered).
	 * @param expectedVersion the {@link #getVersion() version} the caller edited, or {@code null} not to check
	 * @return whether a new version was created
	 * @throws StaleEstimateEdit when the estimate changed since that version (nothing is changed)
	 */
	public boolean revise(Long expectedVersion, EstimateContent content, Instant now) {
		if (expectedVersion != null && expectedVersion != this.version) {
			throw new StaleEstimateEdit(this.id, expectedVersion, this.version);
		}
		EstimateVersion current = current();
		boolean newVersion = switch (current.statusAt(now)) {
			case DRAFT -> {
				current.write(content);
				yield false;
			}
			case SENT, EXPIRED -> {
				current.supersede();
				addVersion(content, now);
				yield true;
			}
			case DECLINED, CHANGES_REQUESTED, APPROVED -> {
				addVersion(content, now);
				yield true;
			}
			case SUPERSEDED -> throw new IllegalStateException("The current version is never superseded");
		};
		this.updatedAt = now;
		return newVersion;
	}

	/**
	 * Sends the current draft to the client.
	 * @throws EstimateTransitionRefused unless the current version is a draft
	 * @throws EstimateNotSendable when it has no line items or its valid-until date has passed
	 */
	public EstimateVersion send(Instant now) {
		EstimateVersion current = current();
		requireStatus(current, now, EstimateStatus.DRAFT, "be sent");
		if (current.getLineItems().isEmpty()) {
			throw new EstimateNotSendable("lineItems", "must have at least one line item");
		}
		if (current.getValidUntil() != null && !now.isBefore(EstimateVersion.expiresAt(current.getValidUntil()))) {
			throw new EstimateNotSendable("validUntil", "must not be in the past");
		}
		current.send(now);
		this.updatedAt = now;
		return current;
	}

	/**
	 * The client approves the version they were shown, which freezes it with its evidence.
	 * @param versionNumber the version the client saw and approves
	 * @throws StaleEstimateVersion when that is not the current version
	 * @throws EstimateTransitionRefused unless the current version is sent (and not expired)
	 */
	public EstimateVersion approve(int versionNumber, Signature signature, Instant now) {
		EstimateVersion current = answerable(versionNumber, now, "be approved");
		current.approve(new ApprovalEvidence(signature, now, CanonicalContent.sha256(this, current)));
		this.updatedAt = now;
		return current;
	}

	/** The client declines the version they were shown; see {@link #approve} for what is refused. */
	public EstimateVersion decline(int versionNumber, UUID contactId, String message, Instant now) {
		EstimateVersion current = answerable(versionNumber, now, "be declined");
		current.answer(EstimateStatus.DECLINED, contactId, message, now);
		this.updatedAt = now;
		return current;
	}

	/** The client asks for changes to the version they were shown; see {@link #approve} for what is refused. */
	public EstimateVersion requestChanges(int versionNumber, UUID contactId, String message, Instant now) {
		EstimateVersion current = answerable(versionNumber, now, "get a request for changes");
		current.answer(EstimateStatus.CHANGES_REQUESTED, contactId, message, now);
		this.updatedAt = now;
		return current;
	}

	private EstimateVersion answerable(int versionNumber, Instant now, String move) {
		EstimateVersion current = current();
		if (versionNumber != current.getNumber()) {
			throw new StaleEstimateVersion(this.id, versionNumber);
		}
		requireStatus(current, now, EstimateStatus.SENT, move);
		return current;
	}

	private void requireStatus(EstimateVersion version, Instant now, EstimateStatus required, String move) {
		EstimateStatus status = version.statusAt(now);
		if (status != required) {
			throw new EstimateTransitionRefused(this.id, status, move);
		}
	}

	private void addVersion(EstimateContent content, Instant now) {
		int number = this.versions.size() + 1;
		this.versions.add(new EstimateVersion(this, number, content, now));
		this.currentVersionNumber = number;
	}

	/** The latest version: the one the contractor works on and the client answers. */
	public EstimateVersion current() {
		return this.versions.get(this.versions.size() - 1);
	}

	/** The estimate's status as of {@code now}: its current version's. */
	public EstimateStatus statusAt(Instant now) {
		return current().statusAt(now);
	}

	/**
	 * The version the client sees: the latest one that is not a draft. Empty while the estimate was never
	 * sent, and then the client does not see the estimate at all.
	 */
	public Optional<EstimateVersion> shownToClient() {
		for (int i = this.versions.size() - 1; i >= 0; i--) {
			if (this.versions.get(i).getStoredStatus() != EstimateStatus.DRAFT) {
				return Optional.of(this.versions.get(i));
			}
		}
		return Optional.empty();
	}

	public Optional<EstimateVersion> version(int number) {
		return (number >= 1 && number <= this.versions.size()) ? Optional.of(this.versions.get(number - 1))
				: Optional.empty();
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	public UUID getWorkspaceId() {
		return this.workspaceId;
	}

	public UUID getProjectId() {
		return this.projectId;
	}

	/** ISO 4217 code of every amount of the estimate. */
	public String getCurrency() {
		return this.currency;
	}

	public List<EstimateVersion> getVersions() {
		return Collections.unmodifiableList(this.versions);
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

	/** Ids are assigned here, so Spring Data is told which estimates are new (persist, not merge). */
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
