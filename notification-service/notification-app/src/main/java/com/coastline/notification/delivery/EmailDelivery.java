package com.coastline.notification.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.coastline.notification.api.EmailFailed;
import com.coastline.notification.api.EmailKind;
import com.coastline.notification.api.EmailSent;
import com.coastline.notification.api.SendEmail;
import org.hibernate.annotations.TenantId;

/**
 * One email to deliver, recorded when its {@link SendEmail} command arrives, then sent by the
 * {@link EmailSender} outside the consumer's transaction. At most one per workspace and idempotency key.
 * The state machine is on {@link DeliveryStatus}; a sender acts on a delivery only while it holds its
 * lease ({@code leaseToken}), so a sender that lost its lease cannot reset another one's work.
 * <p>
 * Content is stored as the command gave it, with its {@code {{secret:name}}} references, and the secrets
 * encrypted: they are opened only in memory to send the email, and deleted when the delivery is final.
 */
@Entity
@Table(name = "email_delivery")
public class EmailDelivery {

	@Id
	private UUID id;

	@TenantId
	@Column(name = "workspace_id", nullable = false, updatable = false)
	private UUID workspaceId;

	@Column(nullable = false, updatable = false)
	private String idempotencyKey;

	@Column(nullable = false, updatable = false)
	private UUID commandId;

	@Column(nullable = false, updatable = false)
	private String recipientEmail;

	@Column(updatable = false)
	private String recipientName;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private EmailKind kind;

	@Column(nullable = false, updatable = false)
	private String subject;

	@Column(name = "text_body", nullable = false, updatable = false)
	private String text;

	@Column(name = "html_body", updatable = false)
	private String html;

	/** Encrypted, referenced from the content; deleted once the delivery is final (nothing sensitive outlives it). */
	@ElementCollection
	@CollectionTable(name = "email_delivery_secret", joinColumns = @JoinColumn(name = "delivery_id"))
	private List<SealedSecret> secrets = new ArrayList<>();

	@Column(updatable = false)
	private UUID automationRunId;

	@Column(updatable = false)
	private UUID projectId;

	@Column(updatable = false)
	private UUID contactId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private DeliveryStatus status;

	@Column(nullable = false)
	private int attempts;

	private Instant nextAttemptAt;

	private UUID leaseToken;

	private Instant leaseUntil;

	private String lastError;

	@Column(nullable = false, updatable = false)
	private Instant requestedAt;

	@Column(nullable = false, updatable = false)
	private Instant createdAt;

	private Instant sentAt;

	private Instant failedAt;

	/**
	 * Null until persisted: Spring Data takes a new delivery for new by it and persists it. With a primitive it
	 * looks at the (assigned) id instead, and merges: a select of the row and its secrets before every insert.
	 */
	@Version
	private Long version;

	protected EmailDelivery() {
	}

	/** The delivery a valid command asks for: pending, due at once. */
	public static EmailDelivery requested(SendEmail command, Instant now) {
		EmailDelivery delivery = new EmailDelivery();
		delivery.id = UUID.randomUUID();
		delivery.workspaceId = command.workspaceId();
		delivery.idempotencyKey = command.idempotencyKey();
		delivery.commandId = command.commandId();
		delivery.recipientEmail = command.recipient().email();
		delivery.recipientName = command.recipient().name();
		delivery.kind = command.kind();
		delivery.subject = command.subject();
		delivery.text = command.text();
		delivery.html = command.html();
		if (command.secrets() != null) {
			command.secrets().stream().map(SealedSecret::of).forEach(delivery.secrets::add);
		}
		SendEmail.Correlation correlation = command.correlation();
		if (correlation != null) {
			delivery.automationRunId = correlation.automationRunId();
			delivery.projectId = correlation.projectId();
			delivery.contactId = correlation.contactId();
		}
		delivery.status = DeliveryStatus.PENDING;
		delivery.attempts = 0;
		delivery.nextAttemptAt = now;
		delivery.requestedAt = command.requestedAt() != null ? command.requestedAt() : now;
		delivery.createdAt = now;
		return delivery;
	}

	/**
	 * The SMTP server accepted the email. Recorded even if the lease was lost meanwhile (the email is
	 * out either way); a second acceptance of a delivery already sent publishes nothing.
	 * @return the event to publish, empty if the delivery was already final
	 */
	public Optional<EmailSent> sent(Instant at) {
		if (isFinal()) {
			return Optional.empty();
		}
		attempts++;
		status = DeliveryStatus.SENT;
		sentAt = at;
		endLease();
		nextAttemptAt = null;
		lastError = null;
		secrets.clear();
		return Optional.of(new EmailSent(UUID.randomUUID(), id, idempotencyKey, workspaceId, correlation(), attempts, at));
	}

	/**
	 * An attempt failed for a reason that may pass (server unreachable, recipient temporarily refused):
	 * try again after the policy's backoff, or give up after its last attempt.
	 * @return {@link EmailFailed} if this was the last attempt; empty otherwise or if the lease is not held
	 */
	public Optional<EmailFailed> attemptFailed(UUID lease, String reason, RetryPolicy policy, RandomGenerator random,
			Instant now) {
		if (!holds(lease)) {
			return Optional.empty();
		}
		attempts++;
		lastError = reason;
		if (!policy.allowsAnotherAttemptAfter(attempts)) {
			return Optional.of(fail(reason, now));
		}
		status = DeliveryStatus.PENDING;
		nextAttemptAt = now.plus(policy.backoffAfter(attempts, random));
		endLease();
		return Optional.empty();
	}

	/**
	 * The SMTP server rejected the email for good (5xx for the recipient): no further attempt.
	 * @return {@link EmailFailed}; empty if the lease is not held
	 */
	public Optional<EmailFailed> rejected(UUID lease, String reason, Instant now) {
		if (!holds(lease)) {
			return Optional.empty();
		}
		attempts++;
		lastError = reason;
		return Optional.of(fail(reason, now));
	}

	/** Nothing was attempted (the circuit to the SMTP server is open): pending again, no attempt counted. */
	public void released(UUID lease) {
		if (holds(lease)) {
			status = DeliveryStatus.PENDING;
			endLease();
		}
	}

	private EmailFailed fail(String reason, Instant now) {
		status = DeliveryStatus.FAILED;
		failedAt = now;
		nextAttemptAt = null;
		endLease();
		secrets.clear();
		return new EmailFailed(UUID.randomUUID(), id, idempotencyKey, workspaceId, correlation(), attempts, reason, now);
	}

	/** Whether the sender with this lease token still owns the delivery. */
	public boolean holds(UUID lease) {
		return status == DeliveryStatus.SENDING && lease != null && lease.equals(leaseToken);
	}

	private void endLease() {
		leaseToken = null;
		leaseUntil = null;
	}

	private boolean isFinal() {
		return status == DeliveryStatus.SENT || status == DeliveryStatus.FAILED;
	}

	public SendEmail.Correlation correlation() {
		return new SendEmail.Correlation(automationRunId, projectId, contactId);
	}

	public UUID id() {
		return id;
	}

	public UUID workspaceId() {
		return workspaceId;
	}

	public String idempotencyKey() {
		return idempotencyKey;
	}

	/** The command that asked for it: its secrets are bound to its id. */
	public UUID commandId() {
		return commandId;
	}

	public String recipientEmail() {
		return recipientEmail;
	}

	public String recipientName() {
		return recipientName;
	}

	public EmailKind kind() {
		return kind;
	}

	public String subject() {
		return subject;
	}

	public String text() {
		return text;
	}

	public String html() {
		return html;
	}

	/** The secrets the content refers to, encrypted; none once the delivery is final. */
	public List<SendEmail.EncryptedSecret> secrets() {
		return secrets.stream().map(SealedSecret::encrypted).toList();
	}

	public DeliveryStatus status() {
		return status;
	}

	public int attempts() {
		return attempts;
	}

	public Instant nextAttemptAt() {
		return nextAttemptAt;
	}

	public Instant leaseUntil() {
		return leaseUntil;
	}

	public String lastError() {
		return lastError;
	}

	public Instant requestedAt() {
		return requestedAt;
	}

	public Instant sentAt() {
		return sentAt;
	}

	public Instant failedAt() {
		return failedAt;
	}
}
