package com.coastline.project.api;

/** Topics and CloudEvents types that project-service publishes. */
public final class ProjectTopics {

	/** Contact and project events; contact events are keyed by contact id, project events by project id. */
	public static final String EVENTS = "project.events";

	public static final String CONTACT_UPSERTED = "coastline.project.ContactUpserted.v1";

	public static final String CONTACT_ARCHIVED = "coastline.project.ContactArchived.v1";

	public static final String PROJECT_APPROVED = "coastline.project.ProjectApproved.v1";

	/** Estimate events are keyed by estimate id. */
	public static final String ESTIMATE_SENT = "coastline.project.EstimateSent.v1";

	public static final String ESTIMATE_APPROVED = "coastline.project.EstimateApproved.v1";

	public static final String ESTIMATE_DECLINED = "coastline.project.EstimateDeclined.v1";

	/** {@link EstimateViewed}: the client opened a sent estimate. */
	public static final String ESTIMATE_VIEWED = "coastline.project.EstimateViewed.v1";

	public static final String ESTIMATE_CHANGES_REQUESTED = "coastline.project.EstimateChangesRequested.v1";

	/** Keyed by project id. */
	public static final String PROJECT_UPSERTED = "coastline.project.ProjectUpserted.v1";

	/** Keyed by appointment id. */
	public static final String APPOINTMENT_SCHEDULED = "coastline.project.AppointmentScheduled.v1";

	/** Keyed by appointment id. */
	public static final String APPOINTMENT_CHANGED = "coastline.project.AppointmentChanged.v1";

	/** Invoice events are keyed by invoice id. */
	public static final String INVOICE_ISSUED = "coastline.project.InvoiceIssued.v1";

	public static final String PAYMENT_RECEIVED = "coastline.project.PaymentReceived.v1";

	public static final String INVOICE_PAID = "coastline.project.InvoicePaid.v1";

	public static final String INVOICE_OVERDUE = "coastline.project.InvoiceOverdue.v1";

	public static final String INVOICE_VOIDED = "coastline.project.InvoiceVoided.v1";

	private ProjectTopics() {
	}
}
