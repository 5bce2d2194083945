package com.coastline.automation.run;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
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
import com.coastline.automation.automation.Trigger;

/**
 * One execution of an automation for one triggering event. There is at most one run per (trigger
 * event, automation), enforced by a unique constraint: this, not the consumer's {@code ce_id}
 * bookkeeping, is what keeps a redelivered or resubmitted event from emailing the client twice.
 * <p>
 * Recorded when the event is consumed ({@link RunStatus#PENDING}), carried out by the run processor
 * under a lease, finished by notification-service's report. See {@link RunStatus} for the states.
 */
@Entity
@Table(name = "automation_run",
		uniqueConstraints = @UniqueConstraint(name = "automation_run_once_per_trigger_event",
				columnNames = { "trigger_event_id", "automation_id" }))
public class AutomationRun {

	/** Longest stored error or reason. */
	static final int MAX_REASON = 500;

	@Id
	private UUID id;

	@TenantId
	@Column(name = "workspace_id", nullable = false, updatable = false)
	private UUID workspaceId;

	@Column(name = "automation_id", nullable = false, updatable = false)
	private UUID automationId;

	@Enumerated(EnumType.STRING)
	@Column(name = "trigger_type", nullable = false, updatable = false)
	private Trigger trigger;

	@Column(name = "trigger_event_id", nullable = false, updatable = false)
	private UUID triggerEventId;

	@Column(name = "project_id", nullable = false, updatable = false)
	private UUID projectId;

	/** The recipient: known from the event or, at the latest, when the email is requested. */
	@Column(name = "contact_id")
	private UUID contactId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private RunStatus status;

	@Column(nullable = false)
	private int attempts;

	@Column(name = "next_attempt_at")
	private Instant nextAttemptAt;

	@Column(name = "lease_token")
	private UUID leaseToken;

	@Column(name = "lease_until")
	private Instant leaseUntil;

	/** How often the back office retried it; part of the email's idempotency key. */
	@Column(nullable = false)
	private int retries;

	@Column(name = "last_error")
	private String lastError;

	@Column(name = "link_id")
	private UUID linkId;

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

	private AutomationRun(UUID id, UUID automationId, Trigger trigger, UUID triggerEventId, UUID projectId,
			UUID contactId, Instant now) {
		this.id = id;
		this.automationId = automationId;
		this.trigger = trigger;
		this.triggerEventId = triggerEventId;
		this.projectId = projectId;
		this.contactId = contactId;
		this.status = RunStatus.PENDING;
		this.nextAttemptAt = now;
		this.startedAt = now;
		this.updatedAt = now;
	}

	/**
	 * A run of the automation for an event about a project, due at once (the consumer records new runs in SQL,
	 * {@link RunStarts}, in this same state).
	 * @param contactId the recipient if the event names it, else null (the project's primary contact)
	 */
	public static AutomationRun start(Automation automation, UUID triggerEventId, UUID projectId, UUID contactId,
			Clock clock) {
		return new AutomationRun(UUID.randomUUID(), automation.id(), automation.trigger(), triggerEventId, projectId,
				contactId, clock.instant());
	}

	/** What {@link RunClaims} does in SQL for many runs at once: leases this one to a processor. */
	void lease(UUID lease, Instant until) {
		status = RunStatus.PROCESSING;
		leaseToken = lease;
		leaseUntil = until;
	}

	/** Whether the caller's lease is the run's current one (a processor acts only on runs it holds). */
	public boolean holds(UUID lease) {
		return status == RunStatus.PROCESSING && Objects.equals(leaseToken, lease);
	}

	/** The email is prepared and its SendEmail recorded in this transaction. */
	boolean emailRequested(UUID lease, UUID recipient, UUID link, Instant now) {
		if (!holds(lease)) {
			return false;
		}
		status = RunStatus.EMAIL_REQUESTED;
		contactId = recipient;
		linkId = link;
		attempts++;
		lastError = null;
		release(now);
		return true;
	}

	/** The attempt could not complete; the next one is due at {@code next}. */
	boolean waitForRetry(UUID lease, String error, Instant next, Instant now) {
		if (!holds(lease)) {
			return false;
		}
		status = RunStatus.WAITING_FOR_RETRY;
		attempts++;
		lastError = truncate(error);
		nextAttemptAt = next;
		release(now);
		return true;
	}

	/** The last attempt failed: the run stops until someone retries it. */
	boolean failed(UUID lease, String reason, Instant now) {
		if (!holds(lease)) {
			return false;
		}
		attempts++;
		lastError = truncate(reason);
		finish(RunStatus.FAILED, reason, now);
		return true;
	}

	/** Nothing to send, for a reason that another attempt would not change. */
	boolean skipped(UUID lease, String reason, Instant now) {
		if (!holds(lease)) {
			return false;
		}
		attempts++;
		finish(RunStatus.SKIPPED, reason, now);
		return true;
	}

	/**
	 * Notification sent the email.
	 * @return whether the run changed (false when it was already marked sent)
	 */
	public boolean emailSent(Instant sentAt, Clock clock) {
		if (status == RunStatus.SENT) {
			return false;
		}
		finish(RunStatus.SENT, null, clock.instant());
		finishedAt = sentAt;
		return true;
	}

	/**
	 * Notification gave up on the email with this idempotency key.
	 * @return whether the run changed (false when it was already finished, or the report is about an
	 * earlier email of a retried run: a sent email stays sent)
	 */
	public boolean emailFailed(String idempotencyKey, String reason, Instant failedAt, Clock clock) {
		if (status != RunStatus.EMAIL_REQUESTED
				|| (idempotencyKey != null && !idempotencyKey.equals(emailIdempotencyKey()))) {
			return false;
		}
		finish(RunStatus.FAILED, reason, clock.instant());
		finishedAt = failedAt;
		return true;
	}

	/**
	 * Starts a failed or skipped run again, from the beginning, as a new attempt series; its email gets a
	 * new idempotency key (the earlier one is spent at notification-service), its portal link the same
	 * (so the link minted for the earlier attempt is revoked when the new one is minted).
	 * @return false when the run is not failed or skipped
	 */
	boolean retry(Instant now) {
		if (status != RunStatus.FAILED && status != RunStatus.SKIPPED) {
			return false;
		}
		status = RunStatus.PENDING;
		retries++;
		attempts = 0;
		nextAttemptAt = now;
		finishedAt = null;
		failureReason = null;
		lastError = null;
		updatedAt = now;
		return true;
	}

	private void finish(RunStatus finalStatus, String reason, Instant now) {
		status = finalStatus;
		failureReason = truncate(reason);
		finishedAt = now;
		nextAttemptAt = null;
		release(now);
	}

	private void release(Instant now) {
		leaseToken = null;
		leaseUntil = null;
		updatedAt = now;
	}

	private static String truncate(String text) {
		return text == null || text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
	}

	/** The key notification sends this run's email under exactly once; a retried run's email has its own. */
	public String emailIdempotencyKey() {
		return retries == 0 ? "automation-run:" + id : "automation-run:" + id + ":retry-" + retries;
	}

	/** The key its portal link is minted under: one per run, so that only the newest link stays valid. */
	public String linkIdempotencyKey() {
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

	public Trigger trigger() {
		return trigger;
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

	public int attempts() {
		return attempts;
	}

	public Instant nextAttemptAt() {
		return nextAttemptAt;
	}

	public int retries() {
		return retries;
	}

	public String lastError() {
		return lastError;
	}

	public UUID linkId() {
		return linkId;
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
