package com.coastline.portal.signin.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What the estimate and invoice pages read from project-service (only the fields they show; others are
 * ignored), and what their templates show: money in the estimate's or invoice's currency, dates as on the
 * other pages ({@link ClientViews}).
 */
public final class BillingViews {

	/** The version status that waits for the client's answer. */
	static final String AWAITING_ANSWER = "SENT";

	private BillingViews() {
	}

	/** project-service's {@code GET /portal/estimates/{id}} (and the answers to approve, decline, request changes). */
	public record ClientEstimate(UUID id, UUID projectId, String currency, String status, Version version) {

		EstimateView view(String projectName) {
			Version shown = (this.version != null) ? this.version
					: new Version(0, this.status, null, null, null, null, 0, 0, 0, null, null, null);
			List<LineRow> lines = (shown.lineItems() != null)
					? shown.lineItems().stream().map((line) -> line.view(this.currency)).toList() : List.of();
			Approval approval = (shown.approval() != null)
					? new Approval(shown.approval().signedName(), ClientViews.utc(shown.approval().approvedAt())) : null;
			return new EstimateView(this.id, shown.number(), shown.title(), this.projectId, projectName, shown.notes(),
					ClientViews.date(shown.validUntil()), lines, ClientViews.money(shown.subtotalMinor(), this.currency),
					ClientViews.money(shown.taxMinor(), this.currency), ClientViews.money(shown.totalMinor(), this.currency),
					this.status, estimateStatus(this.status), AWAITING_ANSWER.equals(this.status),
					ClientViews.utc(shown.answeredAt()), shown.clientMessage(), approval);
		}
	}

	/** The version of an estimate the client is shown. */
	public record Version(int number, String status, String title, String notes, LocalDate validUntil,
			List<Line> lineItems, long subtotalMinor, long taxMinor, long totalMinor, Instant answeredAt,
			String clientMessage, Evidence approval) {
	}

	/** The approval evidence, as far as the page shows it. */
	public record Evidence(String signedName, Instant approvedAt) {
	}

	/** A line of an estimate or an invoice, amounts in minor units. */
	public record Line(int lineNumber, String description, BigDecimal quantity, long unitPriceMinor,
			int taxRateBasisPoints, long netMinor, long taxMinor, long totalMinor) {

		LineRow view(String currency) {
			String quantityLabel = (this.quantity != null) ? this.quantity.stripTrailingZeros().toPlainString() : "";
			return new LineRow(this.description, quantityLabel, ClientViews.money(this.unitPriceMinor, currency),
					taxRate(this.taxRateBasisPoints), ClientViews.money(this.netMinor, currency),
					ClientViews.money(this.totalMinor, currency));
		}
	}

	/** project-service's {@code GET /portal/invoices/{id}}, one of {@code GET /portal/invoices}. */
	public record Invoice(UUID id, UUID projectId, String title, String notes, String currency, String status,
			boolean overdue, LocalDate dueDate, List<Line> lineItems, long subtotalMinor, long taxMinor, long totalMinor,
			long paidMinor, long balanceDueMinor, Instant issuedAt, Instant paidAt, Instant voidedAt) {

		/** Open first (the earliest due first), then paid and void, the latest first. */
		static final Comparator<Invoice> LIST_ORDER = Comparator.comparing((Invoice invoice) -> !invoice.open())
			.thenComparing((invoice) -> invoice.open() ? invoice.dueDate() : null,
					Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
			.thenComparing(Invoice::issuedAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()));

		boolean open() {
			return "OPEN".equals(this.status);
		}

		boolean paid() {
			return "PAID".equals(this.status);
		}

		InvoiceView view(String projectName) {
			List<LineRow> lines = (this.lineItems != null)
					? this.lineItems.stream().map((line) -> line.view(this.currency)).toList() : List.of();
			return new InvoiceView(this.id, this.title, this.projectId, projectName, this.notes, lines,
					ClientViews.money(this.subtotalMinor, this.currency), ClientViews.money(this.taxMinor, this.currency),
					ClientViews.money(this.totalMinor, this.currency), ClientViews.money(this.paidMinor, this.currency),
					ClientViews.money(this.balanceDueMinor, this.currency), this.paidMinor > 0,
					ClientViews.date(this.dueDate), ClientViews.utc(this.issuedAt), ClientViews.utc(this.paidAt),
					ClientViews.utc(this.voidedAt), invoiceStatus(this.status), open() && this.overdue, open(), paid(),
					"VOID".equals(this.status));
		}
	}

	/** project-service's answer to {@code POST /portal/invoices/{id}/checkout}. */
	public record Checkout(String checkoutUrl) {

		URI uri() {
			return URI.create(this.checkoutUrl);
		}
	}

	/** An estimate as its page shows it. */
	public record EstimateView(UUID id, int version, String title, UUID projectId, String projectName, String notes,
			String validUntil, List<LineRow> lines, String subtotal, String tax, String total, String statusCode,
			String status, boolean awaitingAnswer, String answeredOn, String clientMessage, Approval approval) {
	}

	/** Who approved, and when (UTC). */
	public record Approval(String signedName, String approvedOn) {
	}

	/** A line as the pages show it. */
	public record LineRow(String description, String quantity, String unitPrice, String taxRate, String net,
			String total) {
	}

	/** An invoice as its page (and a row of the list) shows it. */
	public record InvoiceView(UUID id, String title, UUID projectId, String projectName, String notes, List<LineRow> lines,
			String subtotal, String tax, String total, String paid, String balance, boolean anyPaid, String dueDate,
			String issuedOn, String paidOn, String voidedOn, String status, boolean overdue, boolean open,
			boolean settled, boolean voided) {
	}

	/** {@code 825} → {@code 8.25%}, {@code 0} → {@code 0%}. */
	static String taxRate(int basisPoints) {
		return BigDecimal.valueOf(basisPoints).divide(BigDecimal.valueOf(100), 2, RoundingMode.UNNECESSARY)
			.stripTrailingZeros()
			.toPlainString() + "%";
	}

	/** The estimate's state in the client's words. */
	static String estimateStatus(String status) {
		return switch ((status != null) ? status : "") {
			case "SENT" -> "Waiting for your answer";
			case "APPROVED" -> "Approved";
			case "DECLINED" -> "Declined";
			case "CHANGES_REQUESTED" -> "Changes requested";
			case "EXPIRED" -> "Expired";
			case "SUPERSEDED" -> "Being revised by your contractor";
			default -> ClientViews.statusLabel(status);
		};
	}

	/** The invoice's state in the client's words. */
	static String invoiceStatus(String status) {
		return switch ((status != null) ? status : "") {
			case "OPEN" -> "Open";
			case "PAID" -> "Paid";
			case "VOID" -> "Void";
			default -> ClientViews.statusLabel(status);
		};
	}
}
