package com.coastline.backoffice.screens.templates;

import com.coastline.backoffice.screens.templates.TemplatesApi.Template;
import com.coastline.backoffice.screens.templates.TemplatesApi.TemplateRequest;

/**
 * The template form as the browser sends it.
 *
 * @param name the template's name in the library
 * @param subject the email's subject
 * @param body the email's body
 * @param suggestedTrigger the trigger it is meant for, or empty for none
 * @param version the version the form was read at (editing only)
 */
record TemplateForm(String name, String subject, String body, String suggestedTrigger, String version) {

	/** A new template's form. */
	static TemplateForm blank() {
		return new TemplateForm("", "", "", "", null);
	}

	/** The form of a template as it is. */
	static TemplateForm of(Template template) {
		return new TemplateForm(text(template.name()), text(template.subject()), text(template.body()),
				text(template.suggestedTrigger()), (template.version() != null) ? template.version().toString() : null);
	}

	/** The body of {@code POST /api/email-templates}. */
	TemplateRequest creation() {
		return new TemplateRequest(text(this.name).strip(), text(this.subject).strip(), text(this.body), trigger(),
				null);
	}

	/** The body of {@code PUT /api/email-templates/{id}}. */
	TemplateRequest change() {
		return new TemplateRequest(text(this.name).strip(), text(this.subject).strip(), text(this.body), trigger(),
				versionNumber());
	}

	private String trigger() {
		return (this.suggestedTrigger == null || this.suggestedTrigger.isBlank()) ? null : this.suggestedTrigger.strip();
	}

	private Long versionNumber() {
		try {
			return (this.version != null && !this.version.isBlank()) ? Long.valueOf(this.version.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String text(String value) {
		return (value != null) ? value : "";
	}
}
