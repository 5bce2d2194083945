package com.coastline.project.appointment.web;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.coastline.project.appointment.AppointmentWindow;

/**
 * A new visit.
 *
 * @param startsAt start of the window, an ISO instant
 * @param endsAt end of the window, after {@code startsAt} (at most 31 days later)
 * @param timeZone the workspace's IANA time zone, in which the window is shown, e.g. {@code America/Denver}
 * @param assigneeName who is coming, one line, at most 100 characters, optional
 * @param notes internal notes for the crew, at most 2000 characters, optional; never shown to the client
 */
@EndsAfterStart
record AppointmentRequest(@NotNull Instant startsAt, @NotNull Instant endsAt,
		@NotBlank @Size(max = 64) @IanaTimeZone String timeZone,
		@Size(max = 100) @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE) String assigneeName,
		@Size(max = 2000) String notes) implements TimedRequest {

	/** Names end up in emails: no control characters or line breaks. */
	static final String SINGLE_LINE = "[^\\p{Cc}\\p{Zl}\\p{Zp}]*";

	static final String SINGLE_LINE_MESSAGE = "must be a single line of text";

	AppointmentWindow window() {
		return new AppointmentWindow(this.startsAt, this.endsAt, this.timeZone);
	}
}
