package com.coastline.project.estimate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

/**
 * One version of an estimate: its content (title, notes, valid-until date, line items and totals), where
 * it stands, the client's answer and, once approved, the {@link ApprovalEvidence}. Only a draft's
 * content changes; anything sent is revised by a new version, and an approved version never changes.
 */
@Entity
@Table(name = "estimate_version")
public class EstimateVersion {

	/**
	 * A valid-until date is honoured until that day has ended everywhere on earth ("anywhere on earth",
	 * UTC−12): project-service does not know the client's time zone, and the client must never find an
	 * estimate expired on the last day it says it is valid.
	 */
	static final ZoneOffset LAST_TIME_ZONE = ZoneOffset.ofHours(-12);

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@TenantId
	@Column(name = "workspace_id", nullable = false, updatable = false)
	private UUID workspaceId;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "estimate_id", nullable = false, updatable = false)
	private Estimate estimate;

	@Column(name = "version_number", nullable = false, updatable = false)
	private int number;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 30)
	private EstimateStatus status;

	@Column(nullable = false, length = 200)
	private String title;

	@Column(length = 4000)
	private String notes;

	private LocalDate validUntil;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "version_id", nullable = false, updatable = false)
	@OrderBy("lineNumber")
	private List<EstimateLineItem> lineItems = new ArrayList<>();

	@Column(nullable = false)
	private long subtotalMinor;

	@Column(nullable = false)
	private long taxMinor;

	@Column(nullable = false)
	private long totalMinor;

	@Column(nullable = false, updatable = false)
	private Instant createdAt;

	private Instant sentAt;

	private Instant answeredAt;

	private UUID answeredByContactId;

	@Column(length = 2000)
	private String clientMessage;

	@Embedded
	private ApprovalEvidence approval;

	protected EstimateVersion() {
	}

	EstimateVersion(Estimate estimate, int number, EstimateContent content, Instant now) {
		this.estimate = estimate;
		this.number = number;
		this.status = EstimateStatus.DRAFT;
		this.createdAt = now;
		write(content);
	}

	/** Replaces the content of a draft. */
	void write(EstimateContent content) {
		this.title = content.title();
		this.notes = content.notes();
		this.validUntil = content.validUntil();
		this.lineItems.clear();
		long subtotal = 0;
		long tax = 0;
		int lineNumber = 1;
		for (EstimateContent.Line line : content.lineItems()) {
			EstimateLineItem item = new EstimateLineItem(lineNumber++, line);
			this.lineItems.add(item);
			subtotal = Math.addExact(subtotal, item.getNetMinor());
			tax = Math.addExact(tax, item.getTaxMinor());
		}
		this.subtotalMinor = subtotal;
		this.taxMinor = tax;
		this.totalMinor = Math.addExact(subtotal, tax);
	}

	/** The status as of {@code now}: a sent version past its valid-until date reads as expired. */
	public EstimateStatus statusAt(Instant now) {
		if (this.status == EstimateStatus.SENT && this.validUntil != null && !now.isBefore(expiresAt(this.validUntil))) {
			return EstimateStatus.EXPIRED;
		}
		return this.status;
	}

	/** The first instant at which a version valid until that date is expired. */
	static Instant expiresAt(LocalDate validUntil) {
		return validUntil.plusDays(1).atStartOfDay(LAST_TIME_ZONE).toInstant();
	}

	void send(Instant now) {
		this.status = EstimateStatus.SENT;
		this.sentAt = now;
	}

	void supersede() {
		this.status = EstimateStatus.SUPERSEDED;
	}

	void approve(ApprovalEvidence evidence) {
		this.status = EstimateStatus.APPROVED;
		this.approval = evidence;
		this.answeredAt = evidence.getApprovedAt();
		this.answeredByContactId = evidence.getSignerContactId();
	}

	void answer(EstimateStatus answer, UUID contactId, String message, Instant now) {
		this.status = answer;
		this.answeredAt = now;
		this.answeredByContactId = contactId;
		this.clientMessage = message;
	}

	/** The content as written, to recompute totals or the canonical form from. */
	EstimateContent content() {
		return new EstimateContent(this.title, this.notes, this.validUntil,
				this.lineItems.stream().map(EstimateLineItem::toLine).toList());
	}

	public UUID getId() {
		return this.id;
	}

	public Estimate getEstimate() {
		return this.estimate;
	}

	public int getNumber() {
		return this.number;
	}

	/** The stored status; see {@link #statusAt(Instant)} for what it reads as now. */
	public EstimateStatus getStoredStatus() {
		return this.status;
	}

	public String getTitle() {
		return this.title;
	}

	public String getNotes() {
		return this.notes;
	}

	public LocalDate getValidUntil() {
		return this.validUntil;
	}

	public List<EstimateLineItem> getLineItems() {
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

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getSentAt() {
		return this.sentAt;
	}

	public Instant getAnsweredAt() {
		return this.answeredAt;
	}

	public UUID getAnsweredByContactId() {
		return this.answeredByContactId;
	}

	public String getClientMessage() {
		return this.clientMessage;
	}

	/** The approval evidence, or null unless the version is approved. */
	public ApprovalEvidence getApproval() {
		return this.approval;
	}
}
