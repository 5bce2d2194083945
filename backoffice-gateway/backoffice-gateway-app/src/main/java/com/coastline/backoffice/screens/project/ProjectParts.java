package com.coastline.backoffice.screens.project;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.coastline.backoffice.screens.Money;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The parts of a project page as the services answer them, with what the page shows of each. */
public final class ProjectParts {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private ProjectParts() {
	}

	static String words(String constant) {
		if (constant == null || constant.isEmpty()) {
			return "";
		}
		String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	static String day(Instant instant) {
		return (instant != null) ? DAY.format(instant.atZone(ZoneOffset.UTC)) : "";
	}

	/**
	 * An estimate of project-service ({@code /api/projects/{id}/estimates}), every version.
	 *
	 * @param id the estimate
	 * @param currency its currency
	 * @param status the current version's status
	 * @param currentVersion the current version's number
	 * @param versions the versions
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Estimate(UUID id, String currency, String status, int currentVersion, List<Version> versions) {

		private Version current() {
			if (this.versions == null) {
				return null;
			}
			return this.versions.stream().filter((version) -> version.number() == this.currentVersion).findFirst()
				.orElse(null);
		}

		public String title() {
			Version current = current();
			return (current != null && current.title() != null) ? current.title() : "Estimate";
		}

		public String total() {
			Version current = current();
			return (current != null) ? Money.format(current.totalMinor(), this.currency) : "";
		}

		public String statusLabel() {
			return words(this.status);
		}

		/**
		 * @param number the version's number
		 * @param title its title
		 * @param totalMinor its total in minor units
		 */
		@JsonIgnoreProperties(ignoreUnknown = true)
		public record Version(int number, String title, long totalMinor) {
		}
	}

	/**
	 * An invoice of project-service ({@code /api/projects/{id}/invoices}).
	 *
	 * @param id the invoice
	 * @param title its title
	 * @param currency its currency
	 * @param status {@code DRAFT}, {@code OPEN}, {@code PAID} or {@code VOID}
	 * @param overdue whether it is past its due date and not paid
	 * @param dueDate the due date
	 * @param totalMinor the total
	 * @param balanceDueMinor what is left to pay
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Invoice(UUID id, String title, String currency, String status, boolean overdue, LocalDate dueDate,
			long totalMinor, long balanceDueMinor) {

		public String total() {
			return Money.format(this.totalMinor, this.currency);
		}

		public String balanceDue() {
			return Money.format(this.balanceDueMinor, this.currency);
		}

		public String due() {
			return (this.dueDate != null) ? DAY.format(this.dueDate) : "";
		}

		public String statusLabel() {
			return words(this.status);
		}
	}

	/**
	 * A visit of project-service ({@code /api/projects/{id}/appointments}).
	 *
	 * @param id the visit
	 * @param startsAt when it starts
	 * @param endsAt when it ends
	 * @param timeZone the time zone it is shown in
	 * @param assigneeName who is coming, or null
	 * @param status {@code SCHEDULED}, {@code RESCHEDULED}, {@code CANCELLED} or {@code COMPLETED}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Appointment(UUID id, Instant startsAt, Instant endsAt, String timeZone, String assigneeName,
			String status) {

		/** The window in its own time zone: "Tue 1 Dec 2026, 09:00–11:00 (Europe/Berlin)". */
		public String window() {
			ZoneId zone = zone();
			if (this.startsAt == null) {
				return "";
			}
			String window = WHEN.format(this.startsAt.atZone(zone));
			if (this.endsAt != null) {
				window += "–" + TIME.format(this.endsAt.atZone(zone));
			}
			return window + " (" + zone.getId() + ")";
		}

		public String statusLabel() {
			return words(this.status);
		}

		private ZoneId zone() {
			try {
				return (this.timeZone != null) ? ZoneId.of(this.timeZone) : ZoneOffset.UTC;
			}
			catch (RuntimeException ex) {
				return ZoneOffset.UTC;
			}
		}
	}

	/**
	 * A photo of media-service ({@code /api/projects/{id}/photos}).
	 *
	 * @param id the photo
	 * @param fileName the name it was uploaded under
	 * @param onPortal whether the client sees it in the portal
	 * @param uploadedAt when it was uploaded
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Photo(UUID id, String fileName, boolean onPortal, Instant uploadedAt) {

		/** The thumbnail through the gateway's own route to media-service (same origin, the staff cookie). */
		public String thumbnailUrl() {
			return "/api/photos/" + this.id + "/thumbnail";
		}

		public String uploaded() {
			return day(this.uploadedAt);
		}
	}

	/**
	 * A document of media-service ({@code /api/projects/{id}/documents}).
	 *
	 * @param id the document
	 * @param fileName its name
	 * @param size its size in bytes
	 * @param uploadedAt when it was uploaded
	 * @param shared whether the client sees it in the portal
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Document(UUID id, String fileName, long size, Instant uploadedAt, boolean shared) {

		/** The file through the gateway's own route to media-service. */
		public String fileUrl() {
			return "/api/documents/" + this.id + "/file";
		}

		public String uploaded() {
			return day(this.uploadedAt);
		}

		/** "12 KB", "3.4 MB". */
		public String sizeLabel() {
			if (this.size < 1024) {
				return this.size + " bytes";
			}
			if (this.size < 1024 * 1024) {
				return Math.round(this.size / 1024.0) + " KB";
			}
			return String.format(Locale.ENGLISH, "%.1f MB", this.size / (1024.0 * 1024.0));
		}
	}

	/**
	 * portal-service's answer on the Customer Portal item of the project menu.
	 *
	 * @param available whether the item is shown
	 * @param reason what is missing otherwise ("The Customer Portal is not active", "The project has no primary
	 * contact")
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record PortalMenu(boolean available, String reason) {
	}

	/**
	 * A fresh one-tap link of portal-service for the project's primary contact.
	 *
	 * @param url the link
	 * @param expiresAt when it stops working
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record PortalLink(String url, Instant expiresAt) {

		public String expires() {
			return day(this.expiresAt);
		}
	}
}
