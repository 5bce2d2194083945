package com.coastline.backoffice.screens.templates;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.coastline.backoffice.screens.ServiceProblem;
import com.coastline.backoffice.screens.ServiceRefusedException;
import com.coastline.backoffice.screens.StaffPages;
import com.coastline.backoffice.screens.templates.TemplatesApi.Template;
import com.coastline.backoffice.signin.StaffToken;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The email template library's screens: the workspace's templates (its copies of the starters marked), the create
 * and edit form with the dynamic-value catalog, and deleting a template (automations made from it keep their
 * copy). Everything is read from and written to automation-service with the member's staff JWT
 * ({@code screens.ServiceCalls}); its 400/422 is the form again with the errors by the field, a stale version
 * (409) a message on the form; everything else is answered as on every screen ({@code screens.ScreenAdvice}: the
 * 404 page, the "service unavailable" page, sign-in).
 */
@Controller
class TemplatePages {

	/** The triggers a template may be suggested for, as automation-service names them. */
	static final Map<String, String> TRIGGERS = triggers();

	private final StaffPages pages;

	private final TemplatesApi api;

	TemplatePages(StaffPages pages, TemplatesApi api) {
		this.pages = pages;
		this.api = api;
	}

	@ModelAttribute
	void common(Model model) {
		model.addAttribute("triggers", TRIGGERS);
	}

	/** The workspace's template library (automation-service copies the starters in on first use). */
	@GetMapping("/templates")
	String list(@RequestParam(name = "deleted", required = false) String deleted, HttpServletRequest request,
			Model model) {
		model.addAttribute("templates", this.api.templates(token(request)));
		model.addAttribute("done", (deleted != null)
				? "Template deleted. Automations made from it keep their copy of its subject and body." : null);
		return "backoffice/templates/list";
	}

	@GetMapping("/templates/new")
	String newForm(HttpServletRequest request, Model model) {
		return form(token(request), null, TemplateForm.blank(), Map.of(), model);
	}

	/** Adds the template; the service's refusal shows the form again with its errors. */
	@PostMapping("/templates")
	String create(@ModelAttribute("form") TemplateForm form, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		StaffToken token = token(request);
		if (!knownTrigger(form)) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(token, null, form, Map.of("suggestedTrigger", "Choose a trigger of the list, or none."),
					model);
		}
		try {
			Template created = this.api.create(token, form.creation());
			return "redirect:/templates/" + created.id() + "?saved";
		}
		catch (ServiceRefusedException ex) {
			if (!invalid(ex)) {
				throw ex;
			}
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return refused(token, null, form, ex.problem(), model);
		}
	}

	@GetMapping("/templates/{id}")
	String editForm(@PathVariable UUID id, @RequestParam(name = "saved", required = false) String saved,
			HttpServletRequest request, Model model) {
		StaffToken token = token(request);
		Template template = this.api.template(token, id);
		model.addAttribute("done", (saved != null) ? "Saved." : null);
		return form(token, template, TemplateForm.of(template), Map.of(), model);
	}

	/** Changes the template (no automation changes with it); a stale version says someone else changed it. */
	@PostMapping("/templates/{id}")
	String change(@PathVariable UUID id, @ModelAttribute("form") TemplateForm form, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		StaffToken token = token(request);
		Template template = this.api.template(token, id);
		if (!knownTrigger(form)) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(token, template, form, Map.of("suggestedTrigger", "Choose a trigger of the list, or none."),
					model);
		}
		try {
			this.api.change(token, id, form.change());
			return "redirect:/templates/" + id + "?saved";
		}
		catch (ServiceRefusedException ex) {
			if (invalid(ex)) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				return refused(token, template, form, ex.problem(), model);
			}
			if (ex.problem().status() != HttpStatus.CONFLICT.value()) {
				throw ex;
			}
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("message", "Someone changed this template while you were editing it. "
					+ "Open it again to see their changes, then make yours.");
			return form(token, template, form, Map.of(), model);
		}
	}

	/** Deletes the template (a starter too); automations made from it keep their copy. */
	@PostMapping("/templates/{id}/delete")
	String delete(@PathVariable UUID id, HttpServletRequest request) {
		this.api.delete(token(request), id);
		return "redirect:/templates?deleted";
	}

	private StaffToken token(HttpServletRequest request) {
		return this.pages.staff(request);
	}

	private static boolean knownTrigger(TemplateForm form) {
		return form.suggestedTrigger() == null || form.suggestedTrigger().isBlank()
				|| TRIGGERS.containsKey(form.suggestedTrigger().strip());
	}

	/** The service's 400 or 422: the form's input, shown by the field. */
	private static boolean invalid(ServiceRefusedException ex) {
		int status = ex.problem().status();
		return status == HttpStatus.BAD_REQUEST.value() || status == HttpStatus.UNPROCESSABLE_CONTENT.value();
	}

	private String form(StaffToken token, Template template, TemplateForm form, Map<String, String> errors,
			Model model) {
		model.addAttribute("template", template);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("values", this.api.dynamicValues(token));
		return "backoffice/templates/form";
	}

	/** The service's field errors by the form's fields; a detail it gives alone goes where it is about. */
	private String refused(StaffToken token, Template template, TemplateForm form, ServiceProblem problem,
			Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		problem.fieldErrors().forEach((field, message) -> {
			String name = formField(field);
			errors.merge(name, sentence(name, message), (a, b) -> a + " " + b);
		});
		String general = errors.remove("general");
		String detail = (problem.detail() != null) ? problem.detail() : "";
		if (errors.isEmpty() && general == null) {
			if (detail.startsWith("The email's subject")) {
				errors.put("subject", detail);
			}
			else if (detail.startsWith("The email's body")) {
				errors.put("body", detail);
			}
			else {
				general = problem.message();
			}
		}
		model.addAttribute("message", general);
		return form(token, template, form, errors, model);
	}

	private static String formField(String field) {
		return switch (field) {
			case "name", "subject", "body", "suggestedTrigger" -> field;
			default -> "general";
		};
	}

	private static String sentence(String field, String message) {
		String text = (message != null) ? message : "is not right";
		return switch (field) {
			case "name" -> "Name " + text + ".";
			case "subject" -> "Subject " + text + ".";
			case "body" -> "Body " + text + ".";
			case "suggestedTrigger" -> "Suggested trigger " + text + ".";
			default -> text + ".";
		};
	}

	private static Map<String, String> triggers() {
		Map<String, String> triggers = new LinkedHashMap<>();
		triggers.put("PROJECT_APPROVED", "Project approved");
		triggers.put("ESTIMATE_SENT", "Estimate sent");
		triggers.put("INVOICE_ISSUED", "Invoice issued");
		triggers.put("INVOICE_OVERDUE", "Invoice overdue");
		triggers.put("APPOINTMENT_SCHEDULED", "Appointment scheduled");
		return triggers;
	}
}
