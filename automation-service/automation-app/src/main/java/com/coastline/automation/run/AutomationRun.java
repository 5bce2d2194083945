package com.coastline.automation.run;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

import com.coastline.automation.automation.Automation;

/**
 * One execution of an automation for one triggering event. There is at most one run per (trigger
 * event, automation), enforced by a unique constraint: this, not the consumer's {@code ce_id}
 * bookkeeping, is what keeps a redelivered or resubmitted event from emailing the client twice.
 */
@Entity
@Table(name = "automation_run",
		uniqueConstraints = @UniqueConstraint(name = "automation_run_once_per_trigger_event",
				columnNames = { "trigger_event_id", "automation_id" }))
public class AutomationRun {

	@Id
	private UUID id;

	@TenantId
	@Column(name = "workspace_id", nullable = false, updatable = false)
	private UUID workspaceId;

	@Column(name = "automation_id", nullable = false, updatable = false)
	private UUID automationId;

	@Column(name = "trigger_event_id", nullable = false, updatable = false)
	private UUID triggerEventId;

	@Column(name = "project_id", nullable = false, updatable = false)
	private UUID projectId;

	@Column(name = "contact_id", nullable = false, updatable = false)
	private UUID contactId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private RunStatus status;

	@Column(name = "started_at", nullable = false, updatable = false)
	private Instant startedAt;

	@Column(name = "finished_at")
	private Instant finishedAt;

	@Column(name = "failure_reason")
	private String failureReason;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	// A wrapper, so that Spring Data sees a new entity (null version) and persists it instead of merging.
	@Version
	private Long version;

	protected AutomationRun() {
	}

	private AutomationRun(UUID id, UUID automationId, UUID triggerEventId, UUID projectId, UUID contactId,
			Instant now) {
		this.id = id;
		this.automationId = automationId;
		this.triggerEventId = triggerEventId;
		this.projectId = projectId;
		this.contactId = contactId;
		this.status = RunStatus.EMAIL_REQUESTED;
		this.startedAt = now;
		this.updatedAt = now;
	}

	/** A run of the automation for an event about a project, whose email goes to the contact. */
	public static AutomationRun start(Automation automation, UUID triggerEventId, UUID projectId, UUID contactId,
			Clock clock) {
		return new AutomationRun(UUID.randomUUID(), automation.id(), triggerEventId, projectId, contactId,
				clock.instant());
	}

	/**
	 * Notification sent the email.
	 * @return whether the run changed (false when it was already marked sent)
	 */
	public boolean emailSent(Instant sentAt, Clock clock) {
		if (status == RunStatus.EMAIL_SENT) {
			return false;
		}
		status = RunStatus.EMAIL_SENT;
		finishedAt = sentAt;
		failureReason = null;
		updatedAt = clock.instant();
		return true;
	}

	/**
	 * Notification gave up on the email.
	 * @return whether the run changed (false when it was already finished: a sent email stays sent)
	 */
	public boolean emailFailed(String reason, Instant failedAt, Clock clock) {
		if (status != RunStatus.EMAIL_REQUESTED) {
			return false;
		}
		status = RunStatus.EMAIL_FAILED;
		finishedAt = failedAt;
		failureReason = reason;
		updatedAt = clock.instant();
		return true;
	}

	/** The key notification sends this run's email under exactly once. */
	public String emailIdempotencyKey() {
		return "automation-run:" + id;
	}

	public UUID id() {
		return id;
	}

	public UUID workspaceId() {
		return workspaceId;
	}

	public UUID automationId() {
		return automationId;
	}

	public UUID triggerEventId() {
		return triggerEventId;
	}

	public UUID projectId() {
		return projectId;
	}

	public UUID contactId() {
		return contactId;
	}

	public RunStatus status() {
		return status;
	}

	public Instant startedAt() {
		return startedAt;
	}

	public Instant finishedAt() {
		return finishedAt;
	}

	public String failureReason() {
		return failureReason;
	}

	public Instant updatedAt() {
		return updatedAt;
	}
}
