package com.coastline.project.api;

/** Topics and CloudEvents types that project-service publishes. */
public final class ProjectTopics {

	/** Contact and project events; contact events are keyed by contact id, project events by project id. */
	public static final String EVENTS = "project.events";

	public static final String CONTACT_UPSERTED = "coastline.project.ContactUpserted.v1";

	public static final String CONTACT_ARCHIVED = "coastline.project.ContactArchived.v1";

	public static final String PROJECT_APPROVED = "coastline.project.ProjectApproved.v1";

	private ProjectTopics() {
	}
}
