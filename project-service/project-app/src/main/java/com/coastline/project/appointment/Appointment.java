package com.coastline.project.appointment;

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
 * A visit of a project: a time window, who is coming, and internal notes that clients never see. Its
 * version starts at 1 and grows with every change.
 */
@Entity
@Table(name = "appointment")
public class Appointment implements Persistable<UUID> {

	@Id
	private UUID id;

	@TenantId
	@Column(name = "workspace_id", nullable = false, updatable = false)
	private UUID workspaceId;

	@Column(nullable = false, updatable = false)
	private UUID projectId;

	@Column(nullable = false)
	private Instant startsAt;

	@Column(nullable = false)
	private Instant endsAt;

	@Column(nullable = false, length = 64)
	private String timeZone;

	@Column(length = 100)
	private String assigneeName;

	@Column(length = 2000)
	private String notes;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 30)
	private AppointmentStatus status;

	@Version
	private long version;

	@Column(nullable = false, updatable = false)
	private Instant createdAt;

	@Column(nullable = false)
	private Instant updatedAt;

	@Transient
	private boolean created;

	protected Appointment() {
	}

	private Appointment(UUID projectId, AppointmentWindow window, String assigneeName, String notes, Instant now) {
		this.id = UUID.randomUUID();
		this.projectId = Objects.requireNonNull(projectId, "projectId");
		apply(window);
		this.assigneeName = blankToNull(assigneeName);
		this.notes = blankToNull(notes);
		this.status = AppointmentStatus.SCHEDULED;
		this.version = 1;
		this.createdAt = now;
		this.updatedAt = now;
		this.created = true;
	}

	/** A new visit of a project of the current workspace; the caller has checked that the project is open. */
	public static Appointment schedule(UUID projectId, AppointmentWindow window, String assigneeName, String notes,
			Instant now) {
		return new Appointment(projectId, window, assigneeName, notes, now);
	}

	/**
	 * Moves the visit to a new window; it is then RESCHEDULED.
	 * @return whether anything changed (the same window changes nothing)
	 * @throws AppointmentTransitionNotAllowed when it is cancelled or completed
	 */
	public boolean reschedule(AppointmentWindow window, Instant now) {
		requireOpen("be rescheduled");
		if (window.equals(window())) {
			return false;
		}
		apply(window);
		this.status = AppointmentStatus.RESCHEDULED;
		this.updatedAt = now;
		return true;
	}

	/**
	 * Replaces who is coming and the internal notes.
	 * @return whether anything changed
	 * @throws AppointmentTransitionNotAllowed when it is cancelled or completed
	 */
	public boolean changeDetails(String assigneeName, String notes, Instant now) {
		requireOpen("be changed");
		String newAssignee = blankToNull(assigneeName);
		String newNotes = blankToNull(notes);
		if (Objects.equals(newAssignee, this.assigneeName) && Objects.equals(newNotes, this.notes)) {
			return false;
		}
		this.assigneeName = newAssignee;
		this.notes = newNotes;
		this.updatedAt = now;
		return true;
	}

	/** @throws AppointmentTransitionNotAllowed when it is already cancelled or completed */
	public void cancel(Instant now) {
		requireOpen("be cancelled");
		this.status = AppointmentStatus.CANCELLED;
		this.updatedAt = now;
	}

	/** @throws AppointmentTransitionNotAllowed when it is cancelled or already completed */
	public void complete(Instant now) {
		requireOpen("be completed");
		this.status = AppointmentStatus.COMPLETED;
		this.updatedAt = now;
	}

	/** Whether a client should expect this visit: open and not over yet. */
	public boolean isUpcoming(Instant now) {
		return this.status.isOpen() && this.endsAt.isAfter(now);
	}

	private void requireOpen(String what) {
		if (!this.status.isOpen()) {
			throw new AppointmentTransitionNotAllowed(this.id, this.status, what);
		}
	}

	private void apply(AppointmentWindow window) {
		this.startsAt = window.startsAt();
		this.endsAt = window.endsAt();
		this.timeZone = window.timeZone();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	public AppointmentWindow window() {
		return new AppointmentWindow(this.startsAt, this.endsAt, this.timeZone);
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

	public Instant getStartsAt() {
		return this.startsAt;
	}

	public Instant getEndsAt() {
		return this.endsAt;
	}

	public String getTimeZone() {
		return this.timeZone;
	}

	public String getAssigneeName() {
		return this.assigneeName;
	}

	/** Internal: for the contractor's staff only, never for clients or events. */
	public String getNotes() {
		return this.notes;
	}

	public AppointmentStatus getStatus() {
		return this.status;
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
