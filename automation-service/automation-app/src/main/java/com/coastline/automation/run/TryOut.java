package com.coastline.automation.run;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.coastline.automation.automation.Action;
import com.coastline.automation.automation.AutomationManagement;
import com.coastline.automation.directory.Directory;
import com.coastline.automation.template.DynamicValues;
import com.coastline.automation.template.EmailTemplateEngine;
import com.coastline.automation.template.RenderedEmail;
import com.coastline.notification.api.EmailKind;
import com.coastline.notification.api.SendEmail;
import com.coastline.platform.web.problem.NotFoundException;
import com.coastline.platform.web.tenant.CurrentTenant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trying an automation out before it runs for real: a <b>preview</b> of its email against a real project of
 * the workspace, and a <b>test email</b> to the staff member's own address. Neither mints a portal link: the
 * link stands in as the portal's address (where a client signs in with a code), so no client's link ever
 * reaches anyone but the client.
 */
@Service
public class TryOut {

	private final AutomationManagement automations;

	private final Directory directory;

	private final EmailTemplateEngine templates;

	private final CurrentTenant currentTenant;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final String portalUrl;

	TryOut(AutomationManagement automations, Directory directory, EmailTemplateEngine templates,
			CurrentTenant currentTenant, ApplicationEventPublisher events, Clock clock,
			@Value("${coastline.automation.portal-url}") String portalUrl) {
		this.automations = automations;
		this.directory = directory;
		this.templates = templates;
		this.currentTenant = currentTenant;
		this.events = events;
		this.clock = clock;
		this.portalUrl = portalUrl;
	}

	/** The email as the project's client would get it, and to whom (null when the client is not known yet). */
	public record Preview(RenderedEmail email, SendEmail.Recipient recipient) {
	}

	/** Renders the automation's email for one of the workspace's projects; 404 for an unknown project. */
	@Transactional(readOnly = true)
	public Preview preview(UUID automationId, UUID projectId) {
		Action action = automations.find(automationId).emailAction();
		UUID workspaceId = currentTenant.get().workspaceId();
		Directory.Project project = directory.project(workspaceId, projectId)
			.orElseThrow(() -> new NotFoundException("Project", projectId));
		Directory.Contact contact = project.primaryContactId() == null ? null
				: directory.contact(workspaceId, project.primaryContactId()).orElse(null);
		RenderedEmail email = templates.render(action.subject(), action.body(), values(workspaceId, project, contact),
				portalUrl);
		SendEmail.Recipient recipient = contact == null || contact.email() == null ? null
				: new SendEmail.Recipient(contact.email(), contact.fullName());
		return new Preview(email, recipient);
	}

	/**
	 * Sends the preview to the caller's own address (kind {@code TEST}, subject marked as a test), through
	 * notification-service like any email.
	 * @return the test email's idempotency key, to follow its delivery
	 */
	@Transactional
	public String sendTest(UUID automationId, UUID projectId, String staffEmail) {
		Preview preview = preview(automationId, projectId);
		UUID commandId = UUID.randomUUID();
		String idempotencyKey = "automation-test:" + commandId;
		RenderedEmail email = preview.email();
		events.publishEvent(new SendEmail(commandId, idempotencyKey, currentTenant.get().workspaceId(),
				new SendEmail.Recipient(staffEmail, null), EmailKind.TEST, "[Test] " + email.subject(), email.text(),
				email.html(), List.of(), new SendEmail.Correlation(null, projectId, null), clock.instant()));
		return idempotencyKey;
	}

	private DynamicValues values(UUID workspaceId, Directory.Project project, Directory.Contact contact) {
		Directory.Workspace workspace = directory.workspace(workspaceId).orElse(null);
		return new DynamicValues(contact == null ? null : contact.firstName(),
				contact == null ? null : contact.lastName(), project.name(), project.address(),
				workspace == null ? null : workspace.contractorName(), workspace == null ? null : workspace.contractorPhone());
	}
}
