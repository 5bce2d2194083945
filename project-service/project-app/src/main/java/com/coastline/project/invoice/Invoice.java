package com.coastline.project.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.coastline.project.estimate.Currencies;
import com.coastline.project.estimate.EstimateContent;
import com.coastline.project.estimate.EstimateLineItem;
import com.coastline.project.estimate.EstimateVersion;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
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
 * An invoice of a project: its lines and totals (written by hand, or copied from an approved estimate
 * version), its due date, the payments received and where it stands ({@link InvoiceStatus}). The caller
 * holds the invoice's row lock, so that moves and payments happen one at a time.
 */
@Entity
@Table(name = "invoice")
public class Invoice implements Persistable<UUID> {

	/**
	 * A due date counts until that day has ended everywhere on earth (UTC−12), as estimates' valid-until
	 * dates do: project-service does not know the client's time zone, and an invoice must never read as
	 * overdue on the day it is due.
	 */
	static final ZoneOffset LAST_TIME_ZONE = ZoneOffset.ofHours(-12);

	public static final int MAX_LINE_ITEMS = EstimateContent.MAX_LINE_ITEMS;

	@Id
	private UUID id;

	@TenantId
	@Column(name = "workspace_id", nullable = false, updatable = false)
	private UUID workspaceId;

	@Column(nullable = false, updatable = false)
	private UUID projectId;

	@Column(updatable = false)
	private UUID estimateId;

	@Column(updatable = false)
	private Integer estimateVersion;

	@Column(nullable = false, updatable = false, length = 200)
	private String title;

	@Column(length = 4000)
	private String notes;

	@Column(nullable = false, updatable = false, length = 3)
	private String currency;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private InvoiceStatus status;

	@Column(nullable = false)
	private LocalDate dueDate;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "invoice_id", nullable = false, updatable = false)
	@OrderBy("lineNumber")
	private List<InvoiceLineItem> lineItems = new ArrayList<>();

	@Column(nullable = false)
	private long subtotalMinor;

	@Column(nullable = false)
	private long taxMinor;

	@Column(nullable = false)
	private long totalMinor;

	@Column(nullable = false)
	private long paidMinor;

	@Version
	private long version;

	@Column(nullable = false, updatable = false)
	private Instant createdAt;

	private Instant issuedAt;

	private Instant paidAt;

	private Instant voidedAt;

	@Column(length = 500)
	private String voidReason;

	private Instant overdueAt;

	@Column(nullable = false)
	private Instant updatedAt;

	@Transient
	private boolean created;

	protected Invoice() {
	}

	private Invoice(UUID projectId, String currency, String title, String notes, LocalDate dueDate, Instant now) {
		if (!Currencies.isValid(currency)) {
			throw new IllegalArgumentException("Not an ISO 4217 currency with minor units: " + currency);
		}
		this.id = UUID.randomUUID();
		this.projectId = Objects.requireNonNull(projectId, "projectId");
		this.currency = currency;
		this.title = Objects.requireNonNull(title, "title").strip();
		if (this.title.isEmpty()) {
			throw new IllegalArgumentException("title is blank");
		}
		this.notes = stripped(notes);
		this.dueDate = Objects.requireNonNull(dueDate, "dueDate");
		this.status = InvoiceStatus.DRAFT;
		this.version = 1;
		this.createdAt = now;
		this.updatedAt = now;
		this.created = true;
	}

	/**
	 * A draft invoice written by hand; each line's amounts are computed like an estimate's (half-up, per
	 * line). The caller has checked that the project is one of the workspace's.
	 */
	public static Invoice byHand(UUID projectId, String currency, String title, String notes, LocalDate dueDate,
			List<EstimateContent.Line> lines, Instant now) {
		if (lines.size() > MAX_LINE_ITEMS) {
			throw new IllegalArgumentException("more than " + MAX_LINE_ITEMS + " line items");
		}
		Invoice invoice = new Invoice(projectId, currency, title, notes, dueDate, now);
		invoice.write(lines);
		return invoice;
	}

	/**
	 * A draft invoice of an approved estimate version: its title, notes, lines and totals exactly as the
	 * client approved them, in the estimate's currency.
	 */
	public static Invoice fromApprovedEstimate(EstimateVersion approved, LocalDate dueDate, Instant now) {
		var estimate = approved.getEstimate();
		Invoice invoice = new Invoice(estimate.getProjectId(), estimate.getCurrency(), approved.getTitle(),
				approved.getNotes(), dueDate, now);
		invoice.estimateId = estimate.getId();
		invoice.estimateVersion = approved.getNumber();
		for (EstimateLineItem line : approved.getLineItems()) {
			invoice.lineItems.add(new InvoiceLineItem(line));
		}
		invoice.total();
		if (invoice.totalMinor != approved.getTotalMinor()) {
			throw new IllegalStateException("Copied lines of estimate " + estimate.getId() + " do not add up to its total");
		}
		return invoice;
	}

	/**
	 * Starts editing a draft: checks it may be edited, changes the due date and notes when given (blank
	 * notes remove them) and removes its lines. The caller flushes (the old lines' numbers are taken until
	 * they are deleted), then gives the new lines with {@link #replaceLines}. Nothing is published: the
	 * client never sees a draft.
	 * @param expectedVersion the version the caller edited, or {@code null} not to check
	 * @throws StaleInvoiceVersion when the invoice changed since that version
	 * @throws InvoiceTransitionRefused unless a draft
	 */
	public void editDraft(Long expectedVersion, LocalDate dueDate, String notes, Instant now) {
		if (expectedVersion != null && expectedVersion != this.version) {
			throw new StaleInvoiceVersion(this.id, expectedVersion, this.version);
		}
		requireStatus(InvoiceStatus.DRAFT, "be edited: only a draft invoice can be edited");
		if (dueDate != null) {
			this.dueDate = dueDate;
		}
		if (notes != null) {
			this.notes = stripped(notes);
		}
		this.lineItems.clear();
		total();
		this.updatedAt = now;
	}

	/**
	 * The new lines of a draft being edited ({@link #editDraft}), each line's amounts computed like an
	 * estimate's; the totals are recomputed.
	 */
	public void replaceLines(List<EstimateContent.Line> lines) {
		requireStatus(InvoiceStatus.DRAFT, "be edited: only a draft invoice can be edited");
		if (lines.size() > MAX_LINE_ITEMS) {
			throw new IllegalArgumentException("more than " + MAX_LINE_ITEMS + " line items");
		}
		this.lineItems.clear();
		write(lines);
	}

	private void write(List<EstimateContent.Line> lines) {
		int lineNumber = 1;
		for (EstimateContent.Line line : lines) {
			this.lineItems.add(new InvoiceLineItem(lineNumber++, line));
		}
		total();
	}

	private static String stripped(String notes) {
		return (notes == null || notes.isBlank()) ? null : notes.strip();
	}

	private void total() {
		long subtotal = 0;
		long tax = 0;
		for (InvoiceLineItem item : this.lineItems) {
			subtotal = Math.addExact(subtotal, item.getNetMinor());
			tax = Math.addExact(tax, item.getTaxMinor());
		}
		this.subtotalMinor = subtotal;
		this.taxMinor = tax;
		this.totalMinor = Math.addExact(subtotal, tax);
	}

	/**
	 * DRAFT → OPEN: the client sees it and can pay it.
	 * @throws InvoiceTransitionRefused unless a draft
	 * @throws InvoiceRefused when there is nothing to pay (no lines, or a total of zero)
	 */
	public void issue(Instant now) {
		requireStatus(InvoiceStatus.DRAFT, "be issued");
		if (this.lineItems.isEmpty() || this.totalMinor == 0) {
			throw new InvoiceRefused("lineItems", "An invoice needs lines with something to pay before it is issued.");
		}
		this.status = InvoiceStatus.OPEN;
		this.issuedAt = now;
		this.updatedAt = now;
	}

	/**
	 * DRAFT, or OPEN without payments → VOID. An invoice with payments is not voided: the money received
	 * would have nothing to belong to (refund it first, outside this service).
	 * @return whether the client had seen it (it was issued), so that consumers need to hear of it
	 * @throws InvoiceTransitionRefused when paid, voided already, or open with payments
	 */
	public boolean voidInvoice(String reason, Instant now) {
		if (this.status != InvoiceStatus.DRAFT && this.status != InvoiceStatus.OPEN) {
			throw new InvoiceTransitionRefused(this.id, this.status, "be voided");
		}
		if (this.paidMinor > 0) {
			throw new InvoiceTransitionRefused(this.id, this.status, "be voided once payments were received");
		}
		boolean issued = this.status == InvoiceStatus.OPEN;
		this.status = InvoiceStatus.VOID;
		this.voidedAt = now;
		this.voidReason = (reason == null || reason.isBlank()) ? null : reason.strip();
		this.updatedAt = now;
		return issued;
	}

	/**
	 * Staff record a payment received outside the provider (partial payments allowed).
	 * @throws InvoiceTransitionRefused unless open
	 * @throws InvoiceRefused naming {@code amountMinor} when it is more than the balance due
	 */
	public InvoicePayment recordOfflinePayment(long amountMinor, String reference, Instant now, String recordedBy) {
		requireStatus(InvoiceStatus.OPEN, "take payments");
		if (amountMinor <= 0) {
			throw new InvoiceRefused("amountMinor", "A payment is a positive amount.");
		}
		if (amountMinor > balanceDueMinor()) {
			throw new InvoiceRefused("amountMinor",
					"The payment is more than the balance due (" + balanceDueMinor() + " " + this.currency + ").");
		}
		InvoicePayment payment = InvoicePayment.offline(this, amountMinor, reference, now, recordedBy);
		apply(amountMinor, now);
		return payment;
	}

	/**
	 * The provider confirmed a payment (a verified webhook). Money already taken is recorded in full, even
	 * when it is more than the balance (a payment made offline in the meantime): the excess shows as
	 * {@link #overpaidMinor()} for the contractor to refund.
	 * @throws InvoiceTransitionRefused unless open
	 */
	public InvoicePayment recordOnlinePayment(long amountMinor, String provider, String providerPaymentId,
			String providerEventId, Instant now) {
		requireStatus(InvoiceStatus.OPEN, "take payments");
		if (amountMinor <= 0) {
			throw new IllegalArgumentException("A payment is a positive amount");
		}
		InvoicePayment payment = InvoicePayment.online(this, amountMinor, provider, providerPaymentId, providerEventId,
				now);
		apply(amountMinor, now);
		return payment;
	}

	private void apply(long amountMinor, Instant now) {
		this.paidMinor = Math.addExact(this.paidMinor, amountMinor);
		this.updatedAt = now;
		if (this.paidMinor >= this.totalMinor) {
			this.status = InvoiceStatus.PAID;
			this.paidAt = now;
		}
	}

	/**
	 * Notes that the invoice is overdue, once: the first call after the due date has passed on an open
	 * invoice returns true, every later one false.
	 */
	public boolean markOverdue(Instant now) {
		if (!isOverdueAt(now) || this.overdueAt != null) {
			return false;
		}
		this.overdueAt = now;
		this.updatedAt = now;
		return true;
	}

	/** Open, and its due date has ended everywhere on earth. */
	public boolean isOverdueAt(Instant now) {
		return this.status == InvoiceStatus.OPEN && !now.isBefore(overdueFrom(this.dueDate));
	}

	/** The first instant at which an invoice due on that date is overdue. */
	static Instant overdueFrom(LocalDate dueDate) {
		return dueDate.plusDays(1).atStartOfDay(LAST_TIME_ZONE).toInstant();
	}

	/** The latest due date that is past at {@code now}: invoices due on it or earlier are overdue. */
	static LocalDate lastPassedDueDate(Instant now) {
		return LocalDate.ofInstant(now, LAST_TIME_ZONE).minusDays(1);
	}

	private void requireStatus(InvoiceStatus required, String move) {
		if (this.status != required) {
			throw new InvoiceTransitionRefused(this.id, this.status, move);
		}
	}

	/** What is left to pay; never negative. */
	public long balanceDueMinor() {
		return Math.max(0, this.totalMinor - this.paidMinor);
	}

	/** What was paid beyond the total (an online payment that crossed an offline one), to refund. */
	public long overpaidMinor() {
		return Math.max(0, this.paidMinor - this.totalMinor);
	}

	/** Whether the client sees it: issued (open, paid, or voided after issue). */
	public boolean isIssued() {
		return this.issuedAt != null;
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

	public UUID getEstimateId() {
		return this.estimateId;
	}

	public Integer getEstimateVersion() {
		return this.estimateVersion;
	}

	public String getTitle() {
		return this.title;
	}

	public String getNotes() {
		return this.notes;
	}

	public String getCurrency() {
		return this.currency;
	}

	public InvoiceStatus getStatus() {
		return this.status;
	}

	public LocalDate getDueDate() {
		return this.dueDate;
	}

	public List<InvoiceLineItem> getLineItems() {
		return Collections.unmodifiableList(this.lineItems);
	}

	public long getSubtotalMinor() {
		return this.subtotalMinor;
	}

	public long getTaxMinor() {
		return this.taxMinor;
	}

	public long getTotalMinor() {
		return this.totalMinor;
	}

	public long getPaidMinor() {
		return this.paidMinor;
	}

	public long getVersion() {
		return this.version;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getIssuedAt() {
		return this.issuedAt;
	}

	public Instant getPaidAt() {
		return this.paidAt;
	}

	public Instant getVoidedAt() {
		return this.voidedAt;
	}

	public String getVoidReason() {
		return this.voidReason;
	}

	public Instant getOverdueAt() {
		return this.overdueAt;
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
	void persisted() {
		this.created = false;
	}
}
