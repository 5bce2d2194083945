package com.coastline.project.appointment.web;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A visit's new window.
 *
 * @param startsAt start of the window, an ISO instant
 * @param endsAt end of the window, after {@code startsAt} (at most 31 days later)
 * @param timeZone the IANA time zone it is shown in; optional, the visit's current one when missing
 */
@EndsAfterStart
record RescheduleRequest(@NotNull Instant startsAt, @NotNull Instant endsAt,
		@Size(max = 64) @IanaTimeZone String timeZone) implements TimedRequest {
}
