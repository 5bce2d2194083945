package com.coastline.automation.automation;

/**
 * What starts an automation: an event of project-service. Stored by name, so further triggers (time-based
 * ones such as "3 days after an invoice is issued" would add a delay to the automation, not a new table) are
 * added here without a migration. Every trigger concerns one project, whose primary contact is the recipient.
 */
public enum Trigger {

	/** A project was approved, by the contractor or by the client approving its estimate. */
	PROJECT_APPROVED,

	/** An estimate was sent to the client. */
	ESTIMATE_SENT,

	/** An invoice was issued. */
	INVOICE_ISSUED,

	/** An issued invoice passed its due date unpaid. */
	INVOICE_OVERDUE,

	/** An appointment (a site visit, the work itself) was scheduled. */
	APPOINTMENT_SCHEDULED
}
