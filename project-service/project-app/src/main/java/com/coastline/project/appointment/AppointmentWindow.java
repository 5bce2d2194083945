package com.coastline.project.appointment;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * When a visit happens: from {@code startsAt} to {@code endsAt} (strictly after it), shown in an IANA
 * time zone (the workspace's, e.g. {@code America/Denver}). Instants are kept to microseconds, as
 * PostgreSQL stores them.
 *
 * @param startsAt start of the window
 * @param endsAt end of the window
 * @param timeZone a region id of the IANA time zone database
 */
public record AppointmentWindow(Instant startsAt, Instant endsAt, String timeZone) {

	public AppointmentWindow {
		startsAt = Objects.requireNonNull(startsAt, "startsAt").truncatedTo(ChronoUnit.MICROS);
		endsAt = Objects.requireNonNull(endsAt, "endsAt").truncatedTo(ChronoUnit.MICROS);
		if (!endsAt.isAfter(startsAt)) {
			throw new IllegalArgumentException("endsAt must be after startsAt");
		}
		if (!isTimeZone(timeZone)) {
			throw new IllegalArgumentException("timeZone is not an IANA time zone");
		}
	}

	/**
	 * Whether the text is a region id of the IANA database ({@code Europe/Berlin}); offsets such as
	 * {@code +02:00} are refused, since they do not follow daylight saving time.
	 */
	public static boolean isTimeZone(String value) {
		if (value == null || !ZoneId.getAvailableZoneIds().contains(value)) {
			return false;
		}
		try {
			ZoneId.of(value);
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	public ZoneId zone() {
		return ZoneId.of(this.timeZone);
	}
}
