package com.coastline.project.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A visit of a project was scheduled. Internal notes are never published.
 *
 * @param eventId unique id of this event ({@code ce_id})
 * @param workspaceId the project's workspace
 * @param appointmentId the appointment
 * @param projectId its project
 * @param startsAt start of the time window
 * @param endsAt end of the time window, after {@code startsAt}
 * @param timeZone the IANA time zone the window is shown in (the workspace's), e.g. {@code America/Denver}
 * @param assigneeName who is coming, or null
 * @param version the appointment's version, 1
 * @param occurredAt when it was scheduled
 */
public record AppointmentScheduled(UUID eventId, UUID workspaceId, UUID appointmentId, UUID projectId,
		Instant startsAt, Instant endsAt, String timeZone, String assigneeName, long version, Instant occurredAt) {
}
