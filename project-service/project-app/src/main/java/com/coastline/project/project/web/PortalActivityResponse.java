package com.coastline.project.project.web;

import java.time.Instant;
import java.util.UUID;

import com.coastline.project.project.ActivityKind;
import com.coastline.project.project.ProjectActivity;
import com.coastline.project.project.ProjectTimeline;

/**
 * A timeline entry as a client sees it: who did it only as {@code you}, {@code contractor} or
 * {@code client} (another contact of the project), never staff or contact ids.
 *
 * @param id the entry
 * @param occurredAt when it happened
 * @param kind what happened
 * @param by {@code you}, {@code contractor} or {@code client}
 * @param summary one line
 * @param subjectId what it is about (an appointment, an estimate), or null
 */
record PortalActivityResponse(UUID id, Instant occurredAt, ActivityKind kind, String by, String summary,
		UUID subjectId) {

	static PortalActivityResponse of(ProjectActivity activity, UUID viewer) {
		String actor = activity.getActor();
		String by = actor.equals(ProjectTimeline.contactActor(viewer)) ? "you"
				: actor.startsWith("contact:") ? "client" : "contractor";
		return new PortalActivityResponse(activity.getId(), activity.getOccurredAt(), activity.getKind(), by,
				activity.getSummary(), activity.getSubjectId());
	}
}
