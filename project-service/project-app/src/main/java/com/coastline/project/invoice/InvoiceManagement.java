package com.coastline.project.invoice;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.coastline.platform.web.problem.NotFoundException;
import com.coastline.platform.web.tenant.CurrentTenant;
import com.coastline.project.estimate.Estimate;
import com.coastline.project.estimate.EstimateContent;
import com.coastline.project.estimate.EstimateManagement;
import com.coastline.project.estimate.EstimateStatus;
import com.coastline.project.estimate.EstimateVersion;
import com.coastline.project.invoice.messaging.InvoiceEvents;
import com.coastline.project.project.ActivityKind;
import com.coastline.project.project.Project;
import com.coastline.project.project.ProjectManagement;
import com.coastline.project.project.ProjectTimeline;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The back office's use cases on invoices, and the payments the provider confirms. Every change locks
 * the invoice's row first (so that it reads the state after the lock), is flushed before its events are
 * published, and records them and its timeline entry in the same transaction (outbox).
 */
@Service
@Transactional
public class InvoiceManagement {

	private final Invoices invoices;

	private final InvoicePayments payments;

	private final ProjectManagement projects;

	private final EstimateManagement estimates;

	private final ProjectTimeline timeline;

	private final CurrentTenant currentTenant;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	InvoiceManagement(Invoices invoices, InvoicePayments payments, ProjectManagement projects,
			EstimateManagement estimates, ProjectTimeline timeline, CurrentTenant currentTenant,
			ApplicationEventPublisher events, Clock clock) {
		this.invoices = invoices;
		this.payments = payments;
		this.projects = projects;
		this.estimates = estimates;
		this.timeline = timeline;
		this.currentTenant = currentTenant;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A draft invoice of the project, written by hand.
	 * @throws NotFoundException when the project is not one of this workspace's
	 */
	public Invoice create(UUID projectId, String currency, String title, String notes, LocalDate dueDate,
			List<EstimateContent.Line> lines) {
		this.currentTenant.requireWorkspace();
		this.projects.find(projectId);
		return this.invoices.saveAndFlush(Invoice.byHand(projectId, currency, title, notes, dueDate, lines, now()));
	}

	/**
	 * A draft invoice of an approved estimate version, its lines and totals copied as approved.
	 * @throws NotFoundException when there is no such estimate or version in this workspace
	 * @throws EstimateNotInvoiceable when the version is not approved, or already has an invoice that is
	 * not void
	 */
	public Invoice createFromEstimate(UUID estimateId, int versionNumber, LocalDate dueDate) {
		this.currentTenant.requireWorkspace();
		Estimate estimate = this.estimates.find(estimateId);
		EstimateVersion version = estimate.version(versionNumber)
			.orElseThrow(() -> new NotFoundException(
					"Estimate " + estimateId + " has no version " + versionNumber + "."));
		if (version.getStoredStatus() != EstimateStatus.APPROVED) {
			throw new EstimateNotInvoiceable(estimateId, versionNumber, version.getStoredStatus(), "is not approved");
		}
		try {
			return this.invoices.saveAndFlush(Invoice.fromApprovedEstimate(version, dueDate, now()));
		}
		catch (DataIntegrityViolationException ex) {
			// invoice_once_per_estimate_version: another invoice of this version, not void, exists.
			throw new EstimateNotInvoiceable(estimateId, versionNumber, EstimateStatus.APPROVED, "is invoiced already");
		}
	}

	/**
	 * Edits a draft: its lines (totals recomputed), and its due date and notes when given. Publishes
	 * nothing and records no timeline entry, as creating a draft does not: the client never sees drafts.
	 * @throws NotFoundException when the invoice is not one of this workspace's
	 * @throws StaleInvoiceVersion when {@code expectedVersion} is given and the invoice changed since
	 * @throws InvoiceTransitionRefused unless a draft
	 */
	public Invoice editDraft(UUID id, Long expectedVersion, LocalDate dueDate, String notes,
			List<EstimateContent.Line> lines) {
		Invoice invoice = lock(id);
		invoice.editDraft(expectedVersion, dueDate, notes, now());
		// deletes the old lines before the new ones take their numbers (unique per invoice)
		this.invoices.flush();
		invoice.replaceLines(lines);
		this.invoices.flush();
		return loaded(invoice);
	}

	/** DRAFT → OPEN; publishes {@code InvoiceIssued}. */
	public Invoice issue(UUID id) {
		Invoice invoice = lock(id);
		invoice.issue(now());
		this.invoices.flush();
		Project project = this.projects.find(invoice.getProjectId());
		this.events.publishEvent(InvoiceEvents.issued(invoice, project.getPrimaryContactId()));
		this.timeline.record(invoice.getProjectId(), ActivityKind.INVOICE_ISSUED, this.timeline.currentActor(),
				"Invoice \"" + invoice.getTitle() + "\" issued, due " + invoice.getDueDate(), invoice.getId());
		return loaded(invoice);
	}

	/** DRAFT or OPEN without payments → VOID; publishes {@code InvoiceVoided} if the client had seen it. */
	public Invoice voidInvoice(UUID id, String reason) {
		Invoice invoice = lock(id);
		boolean wasIssued = invoice.voidInvoice(reason, now());
		this.invoices.flush();
		if (wasIssued) {
			this.events.publishEvent(InvoiceEvents.voided(invoice));
			this.timeline.record(invoice.getProjectId(), ActivityKind.INVOICE_VOIDED, this.timeline.currentActor(),
					"Invoice \"" + invoice.getTitle() + "\" voided", invoice.getId());
		}
		return loaded(invoice);
	}

	/**
	 * A payment received outside the provider; publishes {@code PaymentReceived}, and {@code InvoicePaid}
	 * when it settles the balance.
	 */
	public Invoice recordOfflinePayment(UUID id, long amountMinor, String reference) {
		Invoice invoice = lock(id);
		InvoicePayment payment = invoice.recordOfflinePayment(amountMinor, reference, now(),
				this.timeline.currentActor());
		paid(invoice, payment);
		return loaded(invoice);
	}

	/**
	 * A payment the provider confirmed with a verified webhook, on an invoice the caller locked and found
	 * open; publishes like an offline payment.
	 */
	InvoicePayment recordOnlinePayment(Invoice invoice, long amountMinor, String provider, String providerPaymentId,
			String providerEventId) {
		InvoicePayment payment = invoice.recordOnlinePayment(amountMinor, provider, providerPaymentId, providerEventId,
				now());
		paid(invoice, payment);
		return payment;
	}

	private void paid(Invoice invoice, InvoicePayment payment) {
		this.payments.save(payment);
		this.invoices.flush();
		this.events.publishEvent(InvoiceEvents.paymentReceived(invoice, payment));
		String actor = this.timeline.currentActor();
		this.timeline.record(invoice.getProjectId(), ActivityKind.PAYMENT_RECEIVED, actor,
				"Payment of " + Money.format(payment.getAmountMinor(), invoice.getCurrency()) + " received for invoice \""
						+ invoice.getTitle() + "\"",
				invoice.getId());
		if (invoice.getStatus() == InvoiceStatus.PAID) {
			this.events.publishEvent(InvoiceEvents.paid(invoice));
			this.timeline.record(invoice.getProjectId(), ActivityKind.INVOICE_PAID, actor,
					"Invoice \"" + invoice.getTitle() + "\" paid in full", invoice.getId());
		}
	}

	/**
	 * Notes the invoice overdue and publishes {@code InvoiceOverdue}, once: the row lock makes concurrent
	 * runs queue up, and the later ones find it noted.
	 * @return whether this call noted it
	 */
	public boolean markOverdue(UUID id) {
		Invoice invoice = lock(id);
		if (!invoice.markOverdue(now())) {
			return false;
		}
		this.invoices.flush();
		Project project = this.projects.find(invoice.getProjectId());
		this.events.publishEvent(InvoiceEvents.overdue(invoice, project.getPrimaryContactId()));
		this.timeline.record(invoice.getProjectId(), ActivityKind.INVOICE_OVERDUE, "system",
				"Invoice \"" + invoice.getTitle() + "\" is overdue (due " + invoice.getDueDate() + ")", invoice.getId());
		return true;
	}

	@Transactional(readOnly = true)
	public Invoice find(UUID id) {
		return loaded(this.invoices.findById(id).orElseThrow(() -> notFound(id)));
	}

	/** The workspace's invoices, oldest first. */
	@Transactional(readOnly = true)
	public List<Invoice> findAll() {
		return this.invoices.findAllByOrderByCreatedAtAsc().stream().map(InvoiceManagement::loaded).toList();
	}

	/**
	 * The project's invoices, oldest first.
	 * @throws NotFoundException when the project is not one of this workspace's
	 */
	@Transactional(readOnly = true)
	public List<Invoice> findByProject(UUID projectId) {
		this.projects.find(projectId);
		return this.invoices.findByProjectIdOrderByCreatedAtAsc(projectId)
			.stream()
			.map(InvoiceManagement::loaded)
			.toList();
	}

	/** The invoice's payments, oldest first (the caller has found the invoice). */
	@Transactional(readOnly = true)
	public List<InvoicePayment> payments(UUID invoiceId) {
		return this.payments.findByInvoiceIdOrderByReceivedAtAsc(invoiceId);
	}

	/** The current time as stored (microseconds). */
	public Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	Optional<Invoice> tryLock(UUID id) {
		return this.invoices.lockById(id);
	}

	Invoice lock(UUID id) {
		return this.invoices.lockById(id).orElseThrow(() -> notFound(id));
	}

	/** Loads the line items while the transaction is open (responses are written after it). */
	static Invoice loaded(Invoice invoice) {
		invoice.getLineItems().size();
		return invoice;
	}

	static NotFoundException notFound(UUID id) {
		return new NotFoundException("Invoice", id);
	}
}
