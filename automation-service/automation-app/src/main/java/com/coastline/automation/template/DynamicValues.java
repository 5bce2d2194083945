package com.coastline.automation.template;

/**
 * The values a run fills into an email's template; any may be null (renders as empty). The Customer portal
 * link is not among them: it is minted per run and travels to notification-service as a secret.
 */
public record DynamicValues(String clientFirstName, String clientLastName, String projectName, String projectAddress,
		String contractorName, String contractorPhone) {
}
