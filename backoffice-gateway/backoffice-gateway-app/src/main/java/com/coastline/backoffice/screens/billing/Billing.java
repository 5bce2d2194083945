package com.coastline.backoffice.screens.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.coastline.backoffice.screens.Money;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** project-service's estimates and invoices as its back-office API answers them, with what the pages show. */
public final class Billing {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private Billing() {
	}

	static String words(String constant) {
		if (constant == null || constant.isEmpty()) {
			return "";
		}
		String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	static String day(LocalDate date) {
		return (date != null) ? DAY.format(date) : "";
	}

	static String day(Instant instant) {
		return (instant != null) ? DAY.format(instant.atZone(ZoneOffset.UTC)) : "";
	}

	/**
	 * An estimate ({@code GET /api/estimates/{id}}), every version.
	 *
	 * @param id the estimate
	 * @param projectId its project
	 * @param currency its currency
	 * @param status the current version's status ({@code DRAFT}, {@code SENT}, {@code APPROVED}, …)
	 * @param currentVersion the current version's number
	 * @param versions the versions, oldest first
	 * @param version the record's version for optimistic locking (it grows with every change, sends and the
	 * client's answers included), or null when project-service does not say
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Estimate(UUID id, UUID projectId, String currency, String status, int currentVersion,
			List<Version> versions, Long version) {

		/** The current version (the latest). */
		public Version current() {
			if (this.versions == null || this.versions.isEmpty()) {
				return null;
			}
			return this.versions.stream()
				.filter((version) -> version.number() == this.currentVersion)
				.findFirst()
				.orElse(this.versions.getLast());
		}

		/** The versions before the current one, newest first. */
		public List<Version> earlier() {
			return (this.versions == null) ? List.of()
					: this.versions.stream().filter((version) -> version.number() != this.currentVersion).toList().reversed();
		}

		public String title() {
			Version current = current();
			return (current != null && current.title() != null) ? current.title() : "Estimate";
		}

		public String statusLabel() {
			return words(this.status);
		}

		/** The versions the client approved (each can be invoiced, once), newest first. */
		public List<Version> approved() {
			return (this.versions == null) ? List.of()
					: this.versions.stream().filter((version) -> "APPROVED".equals(version.status())).toList().reversed();
		}

		/** Only a draft is sent. */
		public boolean sendable() {
			return "DRAFT".equals(this.status);
		}

		public String money(long minor) {
			return Money.format(minor, this.currency);
		}

		/**
		 * A version.
		 *
		 * @param number its number (1, 2, …)
		 * @param status its status
		 * @param title its title
		 * @param notes its notes for the client
		 * @param validUntil the last day it can be answered, or null
		 * @param lineItems its lines
		 * @param subtotalMinor the sum of the lines' nets
		 * @param taxMinor the sum of their taxes
		 * @param totalMinor the total
		 * @param sentAt when it was sent, or null
		 * @param answeredAt when the client answered, or null
		 * @param clientMessage the client's message with a decline or a change request, or null
		 */
		@JsonIgnoreProperties(ignoreUnknown = true)
		public record Version(int number, String status, String title, String notes, LocalDate validUntil,
				List<Line> lineItems, long subtotalMinor, long taxMinor, long totalMinor, Instant sentAt,
				Instant answeredAt, String clientMessage) {

			public String statusLabel() {
				return words(this.status);
			}

			public String validUntilLabel() {
				return day(this.validUntil);
			}

			public String sent() {
				return day(this.sentAt);
			}

			public String answered() {
				return day(this.answeredAt);
			}
		}
	}

	/**
	 * An invoice ({@code GET /api/invoices/{id}}).
	 *
	 * @param id the invoice
	 * @param projectId its project
	 * @param title its title
	 * @param notes its notes for the client
	 * @param currency its currency
	 * @param status {@code DRAFT}, {@code OPEN}, {@code PAID} or {@code VOID}
	 * @param overdue open and past its due date
	 * @param dueDate the due date
	 * @param lineItems its lines
	 * @param subtotalMinor the sum of the lines' nets
	 * @param taxMinor the sum of their taxes
	 * @param totalMinor the total
	 * @param paidMinor what was paid
	 * @param balanceDueMinor what is left to pay
	 * @param payments the payments received
	 * @param issuedAt when it was issued, or null
	 * @param paidAt when it was paid in full, or null
	 * @param version the record's version for optimistic locking (it grows with every change), or null when
	 * project-service does not say
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Invoice(UUID id, UUID projectId, String title, String notes, String currency, String status,
			boolean overdue, LocalDate dueDate, List<Line> lineItems, long subtotalMinor, long taxMinor,
			long totalMinor, long paidMinor, long balanceDueMinor, List<Payment> payments, Instant issuedAt,
			Instant paidAt, Long version) {

		public String statusLabel() {
			return words(this.status);
		}

		/** Payments are recorded on an open invoice only. */
		public boolean payable() {
			return "OPEN".equals(this.status);
		}

		/** A draft, or an open invoice nobody paid anything on yet (refund first otherwise). */
		public boolean voidable() {
			return "DRAFT".equals(this.status) || ("OPEN".equals(this.status) && this.paidMinor == 0);
		}

		/** Only a draft is issued. */
		public boolean issuable() {
			return "DRAFT".equals(this.status);
		}

		public String due() {
			return day(this.dueDate);
		}

		public String issued() {
			return day(this.issuedAt);
		}

		public String money(long minor) {
			return Money.format(minor, this.currency);
		}

		/**
		 * A payment received.
		 *
		 * @param method {@code ONLINE} or {@code OFFLINE}
		 * @param amountMinor the amount
		 * @param reference the staff's reference of an offline payment, or null
		 * @param receivedAt when it was received
		 */
		@JsonIgnoreProperties(ignoreUnknown = true)
		public record Payment(String method, long amountMinor, String reference, Instant receivedAt) {

			public String methodLabel() {
				return words(this.method);
			}

			public String received() {
				return day(this.receivedAt);
			}
		}
	}

	/**
	 * A line of an estimate version or an invoice.
	 *
	 * @param lineNumber its place (1, 2, …)
	 * @param description what it is for
	 * @param quantity how many
	 * @param unitPriceMinor the price of one
	 * @param taxRateBasisPoints the tax rate (825 is 8.25 %)
	 * @param netMinor quantity × unit price, rounded half-up
	 * @param taxMinor net × rate, rounded half-up
	 * @param totalMinor net + tax
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Line(int lineNumber, String description, BigDecimal quantity, long unitPriceMinor,
			int taxRateBasisPoints, long netMinor, long taxMinor, long totalMinor) {

		public String quantityLabel() {
			return (this.quantity != null) ? this.quantity.stripTrailingZeros().toPlainString() : "";
		}

		/** "8.25 %". */
		public String taxRateLabel() {
			return BigDecimal.valueOf(this.taxRateBasisPoints, 2).stripTrailingZeros().toPlainString() + " %";
		}
	}
}
