package com.coastline.automation.template;

import com.coastline.automation.automation.Trigger;

/**
 * The templates every workspace's library starts with, one per trigger. Each workspace gets its own copies
 * the first time it uses its library (see {@link EmailTemplateLibrary}); changing a starter here changes no
 * workspace's copy.
 */
enum StarterTemplate {

	PROJECT_APPROVED("project-approved", "Project approved: welcome to your portal", Trigger.PROJECT_APPROVED,
			"Your project is approved: here is your portal", """
					Hi {{client.first_name}},

					Great news: {{project.name}} is approved, and we are getting everything ready to start.

					Your customer portal keeps it all in one place: the estimate you approved, the schedule, \
					photos as the work moves along, and invoices when they are due. Open it here:
					{{portal.link}}

					The link signs you in directly and is meant for you only, so please do not forward this email.

					Questions? Call us at {{contractor.phone}} or just reply to this email.

					Thank you for choosing us,
					{{contractor.name}}"""),

	ESTIMATE_SENT("estimate-sent", "Estimate sent", Trigger.ESTIMATE_SENT,
			"Your estimate for {{project.name}} is ready", """
					Hi {{client.first_name}},

					Thank you for the chance to quote {{project.name}} at {{project.address}}. Your estimate is \
					ready in your customer portal, with the scope of work, the materials and the price line by line:
					{{portal.link}}

					You can approve it right there when you are ready. If anything is unclear or you would like to \
					change something, call us at {{contractor.phone}} and we will go through it together.

					Best regards,
					{{contractor.name}}"""),

	INVOICE_ISSUED("invoice-issued", "Invoice issued", Trigger.INVOICE_ISSUED, "New invoice for {{project.name}}",
			"""
					Hi {{client.first_name}},

					A new invoice for {{project.name}} is waiting in your customer portal. You will find the amount, \
					the due date and what it covers there, and you can pay it online:
					{{portal.link}}

					If you have a question about the invoice, call us at {{contractor.phone}}.

					Thank you,
					{{contractor.name}}"""),

	INVOICE_OVERDUE("invoice-overdue", "Invoice overdue reminder", Trigger.INVOICE_OVERDUE,
			"Reminder: your invoice for {{project.name}} is past due", """
					Hi {{client.first_name}},

					A friendly reminder that the invoice for {{project.name}} has passed its due date. If you have \
					already paid it, thank you, and please disregard this email.

					You can see the invoice and pay it in your customer portal:
					{{portal.link}}

					If something is holding up the payment, call us at {{contractor.phone}}; we are happy to help.

					Kind regards,
					{{contractor.name}}"""),

	APPOINTMENT_SCHEDULED("appointment-scheduled", "Appointment scheduled", Trigger.APPOINTMENT_SCHEDULED,
			"Your appointment for {{project.name}} is scheduled", """
					Hi {{client.first_name}},

					We have scheduled a visit for {{project.name}} at {{project.address}}. The date, the time and \
					what to expect are in your customer portal:
					{{portal.link}}

					If the time does not suit you, call us at {{contractor.phone}} and we will find another one.

					See you soon,
					{{contractor.name}}""");

	private final String key;

	private final String title;

	private final Trigger trigger;

	private final String subject;

	private final String body;

	StarterTemplate(String key, String title, Trigger trigger, String subject, String body) {
		this.key = key;
		this.title = title;
		this.trigger = trigger;
		this.subject = subject;
		this.body = body;
	}

	/** Stable, stored with each workspace's copy. */
	String key() {
		return key;
	}

	String title() {
		return title;
	}

	Trigger trigger() {
		return trigger;
	}

	String subject() {
		return subject;
	}

	String body() {
		return body;
	}
}
