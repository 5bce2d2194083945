package com.coastline.backoffice.screens.automations;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The words the automation pages show for automation-service's codes (triggers, run statuses) and times. Times
 * are in UTC and say so: the workspace's time zone is not known to the gateway yet.
 */
final class Wording {

	static final Wording INSTANCE = new Wording();

	private static final Map<String, String> STATUSES = Map.of("PENDING", "Pending", "PROCESSING", "Running",
			"WAITING_FOR_RETRY", "Waiting to retry", "EMAIL_REQUESTED", "Email requested", "SENT", "Sent", "FAILED",
			"Failed", "SKIPPED", "Skipped");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private Wording() {
	}

	/** A trigger's name for people ({@code PROJECT_APPROVED} → "Project approved"). */
	public String trigger(String trigger) {
		return EmailForms.TRIGGERS.getOrDefault(trigger, (trigger != null) ? trigger : "");
	}

	/** A run status's name for people. */
	public String status(String status) {
		return STATUSES.getOrDefault(status, (status != null) ? status : "");
	}

	/** A run status's CSS modifier: {@code ok}, {@code failed} or {@code waiting}. */
	public String tone(String status) {
		if ("SENT".equals(status)) {
			return "ok";
		}
		return ("FAILED".equals(status) || "SKIPPED".equals(status)) ? "failed" : "waiting";
	}

	/** A time for people, or "—". */
	public String time(Instant instant) {
		return (instant != null) ? TIME.format(instant) : "—";
	}

	/** The ISO form for {@code <time datetime>}. */
	public String iso(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}
}
