package com.coastline.portal.signin.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What the client's pages read from project-service and media-service (only the fields they show; others
 * are ignored), and the rows the templates show, with money in the invoice's or estimate's currency and
 * times in the visit's own time zone (or UTC, said so, where the services give none).
 */
public final class ClientViews {

	private static final Locale LOCALE = Locale.US;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", LOCALE);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", LOCALE);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", LOCALE);

	private ClientViews() {
	}

	/** project-service's {@code GET /portal/overview}. */
	public record Overview(Client client, List<OverviewProject> projects, List<Appointment> upcomingAppointments,
			long changesSince, List<AwaitingEstimate> estimatesAwaitingApproval, List<OpenInvoice> openInvoices) {

		/** "Welcome, Dana" (plain "Welcome" when project-service gives no first name). */
		public String greeting() {
			String name = (this.client != null && this.client.firstName() != null) ? this.client.firstName().strip() : "";
			return name.isEmpty() ? "Welcome" : "Welcome, " + name;
		}

		public Overview {
			projects = (projects != null) ? projects : List.of();
			upcomingAppointments = (upcomingAppointments != null) ? upcomingAppointments : List.of();
			estimatesAwaitingApproval = (estimatesAwaitingApproval != null) ? estimatesAwaitingApproval : List.of();
			openInvoices = (openInvoices != null) ? openInvoices : List.of();
		}
	}

	/** The signed-in contact, as the home page greets them. */
	public record Client(String firstName, String lastName) {
	}

	/** A project on the home page. */
	public record OverviewProject(UUID id, String name, String address, String status, long changesSince) {

		ProjectRow view() {
			return new ProjectRow(this.id, this.name, this.address, statusLabel(this.status), this.changesSince);
		}
	}

	/** A visit of a project, never with staff's notes. */
	public record Appointment(UUID id, UUID projectId, Instant startsAt, Instant endsAt, String timeZone,
			String assigneeName, String status) {

		VisitRow view(Map<UUID, String> projectNames) {
			return new VisitRow(projectNames.get(this.projectId), window(this.startsAt, this.endsAt, this.timeZone),
					this.assigneeName, statusLabel(this.status));
		}

		ProjectVisitRow view(UUID project, String projectName) {
			return new ProjectVisitRow(project, projectName, window(this.startsAt, this.endsAt, this.timeZone),
					(this.startsAt != null) ? this.startsAt.toString() : null, this.assigneeName,
					statusLabel(this.status));
		}
	}

	/** An estimate waiting for the client's answer. */
	public record AwaitingEstimate(UUID id, UUID projectId, String title, long totalMinor, String currency,
			LocalDate validUntil) {

		EstimateRow view(Map<UUID, String> projectNames) {
			return new EstimateRow(this.id, this.title, projectNames.get(this.projectId),
					money(this.totalMinor, this.currency), date(this.validUntil));
		}
	}

	/** An invoice issued and not paid yet. */
	public record OpenInvoice(UUID id, UUID projectId, String title, String currency, long totalMinor,
			long balanceDueMinor, LocalDate dueDate, boolean overdue) {

		InvoiceRow view(Map<UUID, String> projectNames) {
			return new InvoiceRow(this.id, this.title, projectNames.get(this.projectId),
					money(this.balanceDueMinor, this.currency), money(this.totalMinor, this.currency),
					date(this.dueDate), this.overdue);
		}
	}

	/** project-service's {@code GET /portal/projects/{id}}. */
	public record Project(UUID id, String name, String address, String status, Instant updatedAt) {

		ProjectRow view() {
			return new ProjectRow(this.id, this.name, this.address, statusLabel(this.status), 0);
		}
	}

	/** A timeline entry as clients see it. */
	public record Activity(UUID id, Instant occurredAt, String kind, String by, String summary) {

		ActivityRow view() {
			String who = switch ((this.by != null) ? this.by : "") {
				case "you" -> "You";
				case "client" -> "Another contact";
				default -> "Your contractor";
			};
			return new ActivityRow(utc(this.occurredAt), (this.occurredAt != null) ? this.occurredAt.toString() : null,
					this.summary, who);
		}
	}

	/** project-service's {@code GET /portal/projects/{id}/appointments}. */
	public record Visits(List<Appointment> upcoming, List<Appointment> past) {

		VisitLists view() {
			Map<UUID, String> none = Map.of();
			return new VisitLists(
					(this.upcoming != null) ? this.upcoming.stream().map((visit) -> visit.view(none)).toList() : List.of(),
					(this.past != null) ? this.past.stream().map((visit) -> visit.view(none)).toList() : List.of());
		}
	}

	/** A photo on the portal (media-service). */
	public record Photo(UUID id, int width, int height, Instant addedAt) {

		/** For the thumbnail's alt text. */
		public String addedOn() {
			return (this.addedAt != null) ? DATE.format(this.addedAt.atZone(ZoneOffset.UTC)) : "";
		}
	}

	/** A document shared on the portal (media-service). */
	public record Document(UUID id, String fileName, String contentType, long size, Instant sharedAt) {

		DocumentRow view() {
			return new DocumentRow(this.id, this.fileName, sizeLabel(this.size),
					(this.sharedAt != null) ? DATE.format(this.sharedAt.atZone(ZoneOffset.UTC)) : null);
		}
	}

	/** A project row. */
	public record ProjectRow(UUID id, String name, String address, String status, long changes) {
	}

	/** A visit row: its window in its own time zone. */
	public record VisitRow(String projectName, String when, String who, String status) {
	}

	/** A project's visits. */
	public record VisitLists(List<VisitRow> upcoming, List<VisitRow> past) {
	}

	/** An estimate to approve. */
	public record EstimateRow(UUID id, String title, String projectName, String total, String validUntil) {
	}

	/** An invoice to pay. */
	public record InvoiceRow(UUID id, String title, String projectName, String balance, String total, String dueDate,
			boolean overdue) {
	}

	/** A timeline row, in UTC. */
	public record ActivityRow(String when, String datetime, String summary, String who) {
	}

	/** A document row, its name linking to its download. */
	public record DocumentRow(UUID id, String fileName, String size, String sharedOn) {
	}

	/** A project's shared documents on the documents page; {@code available} false when media-service failed. */
	public record ProjectDocuments(UUID projectId, String projectName, boolean available, List<DocumentRow> documents) {
	}

	/** A visit on the appointments page: its project (linked), its window in its own time zone, who, status. */
	public record ProjectVisitRow(UUID projectId, String projectName, String when, String datetime, String who,
			String status) {
	}

	/**
	 * The photo viewer: one photo of a project's shared photos, its place among them and its neighbours
	 * (null at either end).
	 */
	public record PhotoView(UUID id, UUID projectId, String projectName, int position, int count, String alt,
			String addedOn, int width, int height, UUID previous, UUID next) {
	}

	/** Minor units in the currency, e.g. {@code $1,234.50}, {@code €80.00}, {@code ¥1,200}. */
	static String money(long minor, String currencyCode) {
		try {
			Currency currency = Currency.getInstance(currencyCode);
			NumberFormat format = NumberFormat.getCurrencyInstance(LOCALE);
			format.setCurrency(currency);
			int digits = Math.max(currency.getDefaultFractionDigits(), 0);
			format.setMinimumFractionDigits(digits);
			format.setMaximumFractionDigits(digits);
			return format.format(BigDecimal.valueOf(minor).movePointLeft(digits));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return BigDecimal.valueOf(minor).movePointLeft(2).toPlainString() + " " + currencyCode;
		}
	}

	/** {@code IN_PROGRESS} → {@code In progress}. */
	static String statusLabel(String status) {
		if (status == null || status.isEmpty()) {
			return "";
		}
		String words = status.replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	static String date(LocalDate date) {
		return (date != null) ? DATE.format(date) : null;
	}

	static String utc(Instant instant) {
		return (instant != null) ? DATE.format(instant.atZone(ZoneOffset.UTC)) + ", "
				+ TIME.format(instant.atZone(ZoneOffset.UTC)) + " UTC" : "";
	}

	/** {@code Tue 1 Dec 2026, 9:00 AM – 11:00 AM (America/New_York)}. */
	static String window(Instant startsAt, Instant endsAt, String timeZone) {
		if (startsAt == null) {
			return "";
		}
		ZoneId zone;
		try {
			zone = (timeZone != null) ? ZoneId.of(timeZone) : ZoneOffset.UTC;
		}
		catch (DateTimeException ex) {
			zone = ZoneOffset.UTC;
		}
		ZonedDateTime start = startsAt.atZone(zone);
		StringBuilder text = new StringBuilder(DAY.format(start)).append(", ").append(TIME.format(start));
		if (endsAt != null) {
			ZonedDateTime end = endsAt.atZone(zone);
			text.append(" – ");
			if (!end.toLocalDate().equals(start.toLocalDate())) {
				text.append(DAY.format(end)).append(", ");
			}
			text.append(TIME.format(end));
		}
		return text.append(" (").append(zone.getId().equals("Z") ? "UTC" : zone.getId()).append(')').toString();
	}

	static String sizeLabel(long bytes) {
		if (bytes < 1024) {
			return bytes + " bytes";
		}
		if (bytes < 1024 * 1024) {
			return ((bytes + 1023) / 1024) + " KB";
		}
		return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024 * 1024), 1, java.math.RoundingMode.HALF_UP)
			+ " MB";
	}
}
