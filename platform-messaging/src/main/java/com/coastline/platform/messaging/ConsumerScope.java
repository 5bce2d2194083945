package com.coastline.platform.messaging;

/**
 * Sets up what a consumer's work needs from the event before its transaction opens, typically the
 * event's workspace as the tenant: Hibernate fixes a session's tenant when the transaction starts, so
 * setting it inside the handler would be too late.
 *
 * <pre>{@code
 * consumers.dispatch("automation-service")
 *     .within((event, work) -> TenantScope.runAs(((ProjectApproved) event).workspaceId(), work))
 *     .on(ProjectTopics.PROJECT_APPROVED, ProjectApproved.class, runner::projectApproved)
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface ConsumerScope {

	/** No scope: the work runs as is. */
	ConsumerScope NONE = (event, work) -> work.run();

	/** Runs the work (the processed-message insert and the handler, in one transaction) for this event. */
	void run(Object event, Runnable work);
}
