package com.coastline.project.project.web;

import java.time.Instant;
import java.util.UUID;

import com.coastline.project.project.ActivityKind;
import com.coastline.project.project.ProjectActivity;

/**
 * One entry of a project's timeline.
 *
 * @param id the entry
 * @param occurredAt when it happened
 * @param kind what happened
 * @param actor who: {@code staff:<id>}, {@code contact:<id>}, {@code service:<client>} or {@code system}
 * @param summary one line for people
 * @param subjectId what it is about (a contact, an appointment, an estimate), or null
 */
record ActivityResponse(UUID id, Instant occurredAt, ActivityKind kind, String actor, String summary,
		UUID subjectId) {

	static ActivityResponse of(ProjectActivity activity) {
		return new ActivityResponse(activity.getId(), activity.getOccurredAt(), activity.getKind(),
				activity.getActor(), activity.getSummary(), activity.getSubjectId());
	}
}
