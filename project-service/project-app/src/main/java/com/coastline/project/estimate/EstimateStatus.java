package com.coastline.project.estimate;

/**
 * Where a version of an estimate stands; an estimate's status is that of its current (latest) version.
 *
 * <pre>
 * DRAFT ──send──▶ SENT ──client approves──▶ APPROVED          (final: the version never changes again)
 *                 SENT ──client declines──▶ DECLINED
 *                 SENT ──client asks for changes──▶ CHANGES_REQUESTED
 *                 SENT ──valid-until date passed──▶ EXPIRED   (derived when read, never stored)
 *                 SENT, EXPIRED ──contractor revises──▶ SUPERSEDED, and a new DRAFT version
 * DECLINED, CHANGES_REQUESTED, APPROVED ──contractor revises──▶ unchanged, and a new DRAFT version
 * </pre>
 *
 * Every other move is refused with {@link EstimateTransitionRefused} (409) and changes nothing.
 */
public enum EstimateStatus {

	/** Being written by the contractor; the client does not see it. Edited in place. */
	DRAFT,

	/** In the client's portal, waiting for their answer. */
	SENT,

	/** Approved by the client, with approval evidence. Final. */
	APPROVED,

	/** Declined by the client. */
	DECLINED,

	/** The client asked for changes. */
	CHANGES_REQUESTED,

	/** Sent, but its valid-until date has passed without an answer. */
	EXPIRED,

	/** A sent version the contractor replaced with a revision before the client answered. */
	SUPERSEDED
}
