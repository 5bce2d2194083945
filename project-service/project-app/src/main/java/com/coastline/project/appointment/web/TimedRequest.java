package com.coastline.project.appointment.web;

import java.time.Instant;

/** A request carrying a visit's time window, checked by {@link EndsAfterStart}. */
interface TimedRequest {

	Instant startsAt();

	Instant endsAt();
}
