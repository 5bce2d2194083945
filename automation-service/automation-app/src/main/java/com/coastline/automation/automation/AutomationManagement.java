package com.coastline.automation.automation;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.coastline.platform.web.problem.ConflictException;
import com.coastline.platform.web.tenant.CurrentTenant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The back office's use cases on automations, in the caller's workspace. */
@Service
public class AutomationManagement {

	private final Automations automations;

	private final EmailContentRules emailContent;

	private final CurrentTenant currentTenant;

	private final Clock clock;

	AutomationManagement(Automations automations, EmailContentRules emailContent, CurrentTenant currentTenant,
			Clock clock) {
		this.automations = automations;
		this.emailContent = emailContent;
		this.currentTenant = currentTenant;
		this.clock = clock;
	}

	/**
	 * A Send email action, written by hand or copied from one of the workspace's templates.
	 * @param subject with {@code body}, the email as written; when both are null, the template's
	 * @param templateId the template to copy, or the one a hand-edited email started from (then only noted)
	 * @throws InvalidAutomationException when the email is to be copied from a template the workspace does
	 * not have
	 */
	@Transactional(readOnly = true)
	public Action sendEmail(String subject, String body, UUID templateId) {
		if (subject == null && body == null && templateId != null) {
			EmailContentRules.Content template = emailContent.template(templateId);
			return Action.sendEmail(template.subject(), template.body(), templateId);
		}
		return Action.sendEmail(subject, body, templateId);
	}

	@Transactional
	public Automation create(String name, Trigger trigger, List<Action> actions, boolean enabled) {
		currentTenant.requireWorkspace();
		check(actions);
		return automations.save(Automation.create(name, trigger, actions, enabled, author(), clock));
	}

	@Transactional(readOnly = true)
	public List<Automation> list() {
		return automations.findAllByOrderByCreatedAtAscIdAsc();
	}

	@Transactional(readOnly = true)
	public Automation find(UUID id) {
		return automations.findById(id).orElseThrow(() -> new AutomationNotFoundException(id));
	}

	/**
	 * Changes an automation.
	 * @param expectedVersion the version the caller read, or null to overwrite whatever is there
	 */
	@Transactional
	public Automation change(UUID id, String name, boolean enabled, List<Action> actions, Long expectedVersion) {
		Automation automation = find(id);
		if (expectedVersion != null && expectedVersion != automation.version()) {
			throw new ConflictException("Automation " + id + " was changed by someone else; read it again and retry.");
		}
		check(actions);
		automation.change(name, enabled, actions, author(), clock);
		return automations.saveAndFlush(automation);
	}

	/** Dynamic values are checked when an automation is saved, so that a run never meets an unknown one. */
	private void check(List<Action> actions) {
		if (actions == null) {
			return;
		}
		actions.stream()
			.filter(action -> action.type() == ActionType.SEND_EMAIL)
			.forEach(action -> emailContent.check(action.subject(), action.body()));
	}

	private String author() {
		return currentTenant.get().subject();
	}

	/**
	 * What the Send email action's content must obey, and the workspace's templates to copy it from. The
	 * template feature provides it, so that it may use automations (triggers, this exception) without the
	 * two features depending on each other.
	 */
	public interface EmailContentRules {

		/**
		 * @throws InvalidAutomationException when subject or body use an unknown dynamic value or template
		 * syntax other than plain values, naming it
		 */
		void check(String subject, String body);

		/**
		 * The subject and body of one of the current workspace's templates.
		 * @throws InvalidAutomationException when the workspace has no template with this id
		 */
		Content template(UUID templateId);

		/** A template's subject and body. */
		record Content(String subject, String body) {
		}
	}
}
