package com.coastline.automation.automation;

/**
 * What starts an automation. Stored by name, so new triggers (estimate sent, invoice issued or overdue,
 * appointment scheduled, time-based ones) are added here without a migration.
 */
public enum Trigger {

	/** A project was approved, by the contractor or by the client approving its estimate. */
	PROJECT_APPROVED
}
