package com.coastline.project.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A scheduled visit changed: rescheduled to a new window, reassigned, cancelled or completed. Carries
 * the whole current state (never the internal notes).
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the project's workspace
 * @param appointmentId the appointment
 * @param projectId its project
 * @param startsAt start of the time window
 * @param endsAt end of the time window, after {@code startsAt}
 * @param timeZone the IANA time zone the window is shown in
 * @param assigneeName who is coming, or null
 * @param status {@code SCHEDULED}, {@code RESCHEDULED}, {@code CANCELLED} or {@code COMPLETED}
 * @param version the appointment's version; consumers ignore an event older than what they have
 * @param occurredAt when the change happened
 */
public record AppointmentChanged(UUID eventId, UUID workspaceId, UUID appointmentId, UUID projectId, Instant startsAt,
		Instant endsAt, String timeZone, String assigneeName, String status, long version, Instant occurredAt) {
}
