package com.coastline.project.project;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a project stands. The legal moves, each one endpoint and one method on {@link Project}:
 *
 * <pre>
 * LEAD ──start-estimating──▶ ESTIMATING
 * LEAD, ESTIMATING ──approve──▶ APPROVED ──start──▶ IN_PROGRESS ──complete──▶ COMPLETED
 * LEAD, ESTIMATING, APPROVED, IN_PROGRESS ──cancel──▶ CANCELLED
 * </pre>
 *
 * COMPLETED and CANCELLED are final: a cancelled project is not reopened (the contractor creates a new
 * one, so that the history of the cancelled job stays as it was). Every other move is refused with
 * {@link ProjectTransitionNotAllowed} (409) and changes nothing.
 */
public enum ProjectStatus {

	/** Created, nothing agreed yet. */
	LEAD,

	/** The contractor is preparing an estimate. */
	ESTIMATING,

	/** Approved: the work is agreed (by the contractor, or by the client approving its estimate). */
	APPROVED,

	/** The work has started. */
	IN_PROGRESS,

	/** The work is done. Final. */
	COMPLETED,

	/** Called off before it was completed. Final. */
	CANCELLED;

	private static final Set<ProjectStatus> CLOSED = EnumSet.of(COMPLETED, CANCELLED);

	/** Whether the project is completed or cancelled: its details, contacts and visits no longer change. */
	public boolean isClosed() {
		return CLOSED.contains(this);
	}
}
