package com.coastline.project.project;

/**
 * What a timeline entry records. Each kind says whether the client sees it in the portal; the back
 * office sees every kind. Modules that write to the timeline add their kinds here (invoices, later).
 */
public enum ActivityKind {

	PROJECT_CREATED(true),

	PROJECT_DETAILS_CHANGED(true),

	/** The summary names the old and the new status. */
	PROJECT_STATUS_CHANGED(true),

	PRIMARY_CONTACT_CHANGED(false),

	CONTACT_ADDED(false),

	CONTACT_REMOVED(false),

	APPOINTMENT_SCHEDULED(true),

	/** Rescheduled or reassigned. */
	APPOINTMENT_CHANGED(true),

	APPOINTMENT_CANCELLED(true),

	APPOINTMENT_COMPLETED(true),

	/** Consumed from identity-service: for the contractor's "when did the client last sign in". */
	CLIENT_SIGNED_IN(false),

	ESTIMATE_SENT(true),

	ESTIMATE_VIEWED(false),

	ESTIMATE_APPROVED(true),

	ESTIMATE_DECLINED(true),

	/** The client asked for changes to a sent estimate; the summary leaves their message out (it is on the estimate). */
	ESTIMATE_CHANGES_REQUESTED(true),

	INVOICE_ISSUED(true),

	/** A payment of an invoice, partial or not, offline or online. */
	PAYMENT_RECEIVED(true),

	INVOICE_PAID(true),

	INVOICE_OVERDUE(true),

	INVOICE_VOIDED(true);

	private final boolean clientVisible;

	ActivityKind(boolean clientVisible) {
		this.clientVisible = clientVisible;
	}

	/** Whether the portal shows entries of this kind to the project's contacts. */
	public boolean isClientVisible() {
		return this.clientVisible;
	}
}
