package com.coastline.project.project.web;

import java.time.Instant;
import java.util.UUID;

import com.coastline.project.project.ActivityKind;
import com.coastline.project.project.ContactActivityEntry;
import com.coastline.project.project.ProjectActivity;

/**
 * One thing a client did: a project timeline entry with the project it is on.
 *
 * @param id the entry
 * @param occurredAt when it happened
 * @param kind what happened
 * @param actor who: {@code contact:<id>}, or for a payment {@code staff:<id>}, {@code service:<client>} or
 * {@code system}
 * @param summary one line for people
 * @param subjectId what it is about (an estimate, an invoice, the contact), or null
 * @param projectId the project whose timeline it is on
 * @param projectName that project's name
 */
record ContactActivityResponse(UUID id, Instant occurredAt, ActivityKind kind, String actor, String summary,
		UUID subjectId, UUID projectId, String projectName) {

	static ContactActivityResponse of(ContactActivityEntry found) {
		ProjectActivity activity = found.entry();
		return new ContactActivityResponse(activity.getId(), activity.getOccurredAt(), activity.getKind(),
				activity.getActor(), activity.getSummary(), activity.getSubjectId(), activity.getProjectId(),
				found.projectName());
	}
}
