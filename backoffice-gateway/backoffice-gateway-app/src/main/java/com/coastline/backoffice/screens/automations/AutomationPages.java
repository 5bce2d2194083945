package com.coastline.backoffice.screens.automations;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.coastline.backoffice.screens.NotFoundException;
import com.coastline.backoffice.screens.ServiceProblem;
import com.coastline.backoffice.screens.ServiceRefusedException;
import com.coastline.backoffice.screens.StaffPages;
import com.coastline.backoffice.screens.automations.AutomationsApi.Automation;
import com.coastline.backoffice.screens.automations.AutomationsApi.Preview;
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
 * The automation screens (PRODUCT.md, automations): the list with each automation's last run, the create and edit
 * form (template library, dynamic-value picker), the preview against a real project, the test email to the member's
 * own address, and the run history with retry. Everything is read from and written to automation-service with the
 * member's staff JWT ({@code screens.ServiceCalls}); its 400/422 is the form again with the errors by the field,
 * a stale version (409) a message on the form; everything else is answered as on every screen
 * ({@code screens.ScreenAdvice}: the 404 page, the "service unavailable" page, sign-in).
 */
@Controller
class AutomationPages {

	private static final String UNKNOWN_PROJECT = "That project is not in your workspace. Choose one of the list.";

	/** The form's fields that show an error of their own. */
	private static final Set<String> FIELDS = Set.of("name", "trigger", "subject", "body", "templateId");

	private final StaffPages pages;

	private final AutomationsApi api;

	AutomationPages(StaffPages pages, AutomationsApi api) {
		this.pages = pages;
		this.api = api;
	}

	@ModelAttribute
	void common(Model model) {
		model.addAttribute("wording", Wording.INSTANCE);
	}

	/** The workspace's automations with their last run, as the one list call answers them. */
	@GetMapping("/automations")
	String list(HttpServletRequest request, Model model) {
		model.addAttribute("automations", this.api.automations(token(request)));
		return "backoffice/automations/list";
	}

	@GetMapping("/automations/new")
	String newForm(HttpServletRequest request, Model model) {
		return form(token(request), null, AutomationForm.blank(), Map.of(), model);
	}

	/** Creates the automation; the service's refusal shows the form again with its errors. */
	@PostMapping("/automations")
	String create(@ModelAttribute("form") AutomationForm form, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		StaffToken token = token(request);
		if (!EmailForms.TRIGGERS.containsKey(form.trigger())) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(token, null, form, Map.of("trigger", "Choose what starts the automation."), model);
		}
		try {
			Automation created = this.api.create(token, form.creation());
			return "redirect:/automations/" + created.id() + "?saved";
		}
		catch (ServiceRefusedException ex) {
			if (!EmailForms.invalid(ex)) {
				throw ex;
			}
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return refused(token, null, form, ex.problem(), model);
		}
	}

	@GetMapping("/automations/{id}")
	String editForm(@PathVariable UUID id, @RequestParam(name = "saved", required = false) String saved,
			HttpServletRequest request, Model model) {
		StaffToken token = token(request);
		Automation automation = this.api.automation(token, id);
		model.addAttribute("done", (saved != null) ? "Saved." : null);
		return form(token, automation, AutomationForm.of(automation), Map.of(), model);
	}

	/** Changes the automation (not its trigger); a stale version says someone else changed it. */
	@PostMapping("/automations/{id}")
	String change(@PathVariable UUID id, @ModelAttribute("form") AutomationForm form, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		StaffToken token = token(request);
		Automation automation = this.api.automation(token, id);
		try {
			this.api.change(token, id, form.change());
			return "redirect:/automations/" + id + "?saved";
		}
		catch (ServiceRefusedException ex) {
			if (EmailForms.invalid(ex)) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				return refused(token, automation, form, ex.problem(), model);
			}
			if (!EmailForms.conflict(ex)) {
				throw ex;
			}
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("message", EmailForms.stale("automation"));
			return form(token, automation, form, Map.of(), model);
		}
	}

	/** The preview: a project picker, and the email as that project's client would get it. */
	@GetMapping("/automations/{id}/preview")
	String preview(@PathVariable UUID id, @RequestParam(name = "projectId", required = false) String projectId,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		StaffToken token = token(request);
		Automation automation = this.api.automation(token, id);
		UUID project = uuid(projectId);
		if (projectId != null && project == null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return previewPage(token, automation, null, null, "Choose a project to preview with.", model);
		}
		if (project == null) {
			return previewPage(token, automation, null, null, null, model);
		}
		try {
			return previewPage(token, automation, project, this.api.preview(token, id, project), null, model);
		}
		catch (NotFoundException ex) {
			// The automation was found just before: the project is not one of the workspace's.
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return previewPage(token, automation, null, null, UNKNOWN_PROJECT, model);
		}
	}

	/** Sends the preview to the member's own address (automation-service takes it from the staff JWT). */
	@PostMapping("/automations/{id}/test")
	String sendTest(@PathVariable UUID id, @RequestParam(name = "projectId", defaultValue = "") String projectId,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		StaffToken token = token(request);
		Automation automation = this.api.automation(token, id);
		UUID project = uuid(projectId);
		if (project == null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return previewPage(token, automation, null, null, "Choose a project to send the test with.", model);
		}
		try {
			this.api.sendTest(token, id, project);
			model.addAttribute("sentTo", token.email());
		}
		catch (NotFoundException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return previewPage(token, automation, null, null, UNKNOWN_PROJECT, model);
		}
		catch (ServiceRefusedException ex) {
			if (!EmailForms.invalid(ex)) {
				throw ex;
			}
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return previewPage(token, automation, project, null,
					"The test email could not be sent: " + detail(ex.problem()), model);
		}
		return previewPage(token, automation, project, this.api.preview(token, id, project), null, model);
	}

	/** The automation's latest runs, newest first. */
	@GetMapping("/automations/{id}/runs")
	String runs(@PathVariable UUID id, @RequestParam(name = "retried", required = false) String retried,
			HttpServletRequest request, Model model) {
		StaffToken token = token(request);
		return runsPage(token, this.api.automation(token, id),
				(retried != null) ? "The run was started again. Its outcome shows here when it is done." : null, null,
				model);
	}

	/** Carries a failed or skipped run out again. */
	@PostMapping("/automations/{id}/runs/{runId}/retry")
	String retry(@PathVariable UUID id, @PathVariable UUID runId, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		StaffToken token = token(request);
		Automation automation = this.api.automation(token, id);
		if (!id.equals(this.api.run(token, runId).automationId())) {
			throw new NotFoundException("run");
		}
		try {
			this.api.retry(token, runId);
			return "redirect:/automations/" + id + "/runs?retried";
		}
		catch (ServiceRefusedException ex) {
			if (!EmailForms.conflict(ex)) {
				throw ex;
			}
			response.setStatus(HttpStatus.CONFLICT.value());
			return runsPage(token, automation, null,
					"Only a failed or skipped run can be retried; this one has moved on.", model);
		}
	}

	private StaffToken token(HttpServletRequest request) {
		return this.pages.staff(request);
	}

	private static String detail(ServiceProblem problem) {
		return (problem.detail() != null) ? problem.detail() : "";
	}

	private String form(StaffToken token, Automation automation, AutomationForm form, Map<String, String> errors,
			Model model) {
		model.addAttribute("automation", automation);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("triggers", EmailForms.TRIGGERS);
		model.addAttribute("templates", this.api.templates(token));
		model.addAttribute("values", this.api.dynamicValues(token));
		return "backoffice/automations/form";
	}

	/** The service's refusal by the form's fields ({@link EmailForms#refusal}). */
	private String refused(StaffToken token, Automation automation, AutomationForm form, ServiceProblem problem,
			Model model) {
		EmailForms.Refusal refusal = EmailForms.refusal(problem, AutomationPages::formField, FIELDS);
		model.addAttribute("message", refusal.message());
		return form(token, automation, form, refusal.errors(), model);
	}

	/** The form's field a field of automation-service's request is about ({@code actions[0].subject} → subject). */
	private static String formField(String field) {
		if (field.endsWith(".subject") || field.endsWith(".content")) {
			return "subject";
		}
		if (field.endsWith(".body")) {
			return "body";
		}
		if (field.endsWith(".templateId")) {
			return "templateId";
		}
		return field;
	}

	private String previewPage(StaffToken token, Automation automation, UUID projectId, Preview preview, String error,
			Model model) {
		model.addAttribute("automation", automation);
		model.addAttribute("projects", this.api.projects(token));
		model.addAttribute("projectId", projectId);
		model.addAttribute("preview", preview);
		model.addAttribute("message", error);
		return "backoffice/automations/preview";
	}

	private String runsPage(StaffToken token, Automation automation, String done, String message, Model model) {
		model.addAttribute("automation", automation);
		model.addAttribute("runs", this.api.runs(token, automation.id()));
		model.addAttribute("done", done);
		model.addAttribute("message", message);
		return "backoffice/automations/runs";
	}

	private static UUID uuid(String value) {
		if (value == null) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
