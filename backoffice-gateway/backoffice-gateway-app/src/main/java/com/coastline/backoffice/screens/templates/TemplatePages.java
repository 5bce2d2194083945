package com.coastline.backoffice.screens.templates;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.coastline.backoffice.screens.ServiceProblem;
import com.coastline.backoffice.screens.ServiceRefusedException;
import com.coastline.backoffice.screens.StaffPages;
import com.coastline.backoffice.screens.automations.EmailForms;
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
 * (409) a message on the form, both as on the automation form, whose triggers it offers ({@link EmailForms});
 * everything else is answered as on every screen ({@code screens.ScreenAdvice}: the 404 page, the "service
 * unavailable" page, sign-in).
 */
@Controller
class TemplatePages {

	/** The form's fields that show an error of their own. */
	private static final Set<String> FIELDS = Set.of("name", "subject", "body", "suggestedTrigger");

	private final StaffPages pages;

	private final TemplatesApi api;

	TemplatePages(StaffPages pages, TemplatesApi api) {
		this.pages = pages;
		this.api = api;
	}

	@ModelAttribute
	void common(Model model) {
		model.addAttribute("triggers", EmailForms.TRIGGERS);
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
			if (!EmailForms.invalid(ex)) {
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
			if (EmailForms.invalid(ex)) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				return refused(token, template, form, ex.problem(), model);
			}
			if (!EmailForms.conflict(ex)) {
				throw ex;
			}
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("message", EmailForms.stale("template"));
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
				|| EmailForms.TRIGGERS.containsKey(form.suggestedTrigger().strip());
	}

	private String form(StaffToken token, Template template, TemplateForm form, Map<String, String> errors,
			Model model) {
		model.addAttribute("template", template);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("values", this.api.dynamicValues(token));
		return "backoffice/templates/form";
	}

	/** The service's refusal by the form's fields ({@link EmailForms#refusal}: its fields are the form's). */
	private String refused(StaffToken token, Template template, TemplateForm form, ServiceProblem problem,
			Model model) {
		EmailForms.Refusal refusal = EmailForms.refusal(problem, (field) -> field, FIELDS);
		model.addAttribute("message", refusal.message());
		return form(token, template, form, refusal.errors(), model);
	}
}
