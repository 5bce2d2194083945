package com.coastline.automation.template;

import java.util.UUID;

import com.coastline.automation.automation.AutomationManagement;
import com.coastline.automation.automation.InvalidAutomationException;

import org.springframework.stereotype.Component;

/** Automations' Send email actions are checked by the engine and copied from the workspace's library. */
@Component
class TemplateContentRules implements AutomationManagement.EmailContentRules {

	private final EmailTemplateEngine engine;

	private final EmailTemplates templates;

	TemplateContentRules(EmailTemplateEngine engine, EmailTemplates templates) {
		this.engine = engine;
		this.templates = templates;
	}

	@Override
	public void check(String subject, String body) {
		engine.check(subject, body);
	}

	@Override
	public Content template(UUID templateId) {
		return templates.findById(templateId)
			.map(template -> new Content(template.subject(), template.body()))
			.orElseThrow(() -> new InvalidAutomationException("This workspace has no email template " + templateId
					+ "."));
	}
}
