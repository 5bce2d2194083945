package com.coastline.backoffice.screens.billing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.coastline.backoffice.screens.NotFoundException;
import com.coastline.backoffice.screens.Project;
import com.coastline.backoffice.screens.Service;
import com.coastline.backoffice.screens.ServiceCalls;
import com.coastline.backoffice.screens.ServiceProblem;
import com.coastline.backoffice.screens.ServiceRefusedException;
import com.coastline.backoffice.screens.StaffPages;
import com.coastline.backoffice.screens.billing.Billing.Estimate;
import com.coastline.backoffice.screens.billing.Billing.Invoice;
import com.coastline.backoffice.signin.StaffToken;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Estimates: a new estimate for a project (title, notes, valid-until date, line rows) → project-service's
 * {@code POST /api/projects/{id}/estimates} (a DRAFT, version 1, in the workspace's currency); an estimate's page
 * (the current version's lines and totals, status, the earlier versions); <em>Send to client</em> →
 * {@code POST /api/estimates/{id}/send}; <em>Invoice this version</em> for an approved version. Refusals by their fields (422) or, for a move the estimate no longer allows,
 * as a message (409); nothing else is sent.
 */
@Controller
class EstimatePages {

	private static final String DATE_FIELD = "validUntil";

	private static final Map<String, String> DONE = Map.of("created",
			"Estimate saved as a draft. The client sees it once you send it.", "sent",
			"Sent to the client. They can review and approve it in the Customer Portal.");

	private final ServiceCalls services;

	private final StaffPages pages;

	private final Lookups lookups;

	EstimatePages(ServiceCalls services, StaffPages pages, Lookups lookups) {
		this.services = services;
		this.pages = pages;
		this.lookups = lookups;
	}

	@GetMapping("/projects/{id}/estimates/new")
	String newEstimate(@PathVariable String id, HttpServletRequest request, Model model) {
		StaffToken staff = this.pages.staff(request);
		Project project = this.lookups.project(staff, StaffPages.id(id, "project"));
		return form(model, project, BillingForm.empty(this.lookups.currency(staff)), Map.of(), null);
	}

	@PostMapping("/projects/{id}/estimates")
	String create(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		StaffToken staff = this.pages.staff(request);
		Project project = this.lookups.project(staff, StaffPages.id(id, "project"));
		BillingForm form = BillingForm.of(request, DATE_FIELD);
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Object> body = form.body(errors);
		LocalDate validUntil = form.day(DATE_FIELD, errors);
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(model, project, form, errors, null);
		}
		body.put("validUntil", (validUntil != null) ? validUntil.toString() : null);
		try {
			Estimate created = this.services.send(staff, Service.PROJECT, HttpMethod.POST, body, Estimate.class,
					"/api/projects/{id}/estimates", project.id());
			// project-service answers 201 with the new resource; without it, the project page lists it.
			return (created != null && created.id() != null) ? "redirect:/estimates/" + created.id() + "?done=created"
					: "redirect:/projects/" + project.id();
		}
		catch (ServiceRefusedException ex) {
			response.setStatus((ex.problem().status() == HttpStatus.CONFLICT.value()) ? HttpStatus.CONFLICT.value()
					: HttpStatus.UNPROCESSABLE_CONTENT.value());
			ServiceProblem problem = ex.problem();
			Map<String, String> refused = form.errorsOf(problem, DATE_FIELD, DATE_FIELD);
			return form(model, project, form, refused,
					BillingForm.byField(refused, DATE_FIELD) ? null : problem.message());
		}
	}

	@GetMapping("/estimates/{id}")
	String estimate(@PathVariable String id, @RequestParam(defaultValue = "") String done, HttpServletRequest request,
			Model model) {
		StaffToken staff = this.pages.staff(request);
		page(staff, StaffPages.id(id, "estimate"), model);
		model.addAttribute("done", DONE.get(done));
		return "backoffice/estimates/detail";
	}

	/**
	 * <em>Send to client</em>: the current draft is sent (a lead project moves to estimating). project-service's 409
	 * (not a draft any more, or a cancelled project) and 422 (no lines, a valid-until date already past) → the page
	 * as it is now with the message.
	 */
	@PostMapping("/estimates/{id}/send")
	String send(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		StaffToken staff = this.pages.staff(request);
		UUID estimateId = StaffPages.id(id, "estimate");
		try {
			this.services.send(staff, Service.PROJECT, HttpMethod.POST, null, Void.class, "/api/estimates/{id}/send",
					estimateId);
			return "redirect:/estimates/" + estimateId + "?done=sent";
		}
		catch (ServiceRefusedException ex) {
			int status = ex.problem().status();
			if (status != HttpStatus.CONFLICT.value() && status != HttpStatus.UNPROCESSABLE_CONTENT.value()) {
				throw ex;
			}
			response.setStatus(status);
			page(staff, estimateId, model);
			model.addAttribute("message", "The estimate was not sent: " + ex.problem().message());
			return "backoffice/estimates/detail";
		}
	}

	/**
	 * <em>Invoice this version</em>: an approved version → project-service's
	 * {@code POST /api/estimates/{id}/versions/{n}/invoices} with the due date (a draft invoice with the version's
	 * lines and totals exactly as approved) → the invoice's page. A due date that is not a day → the estimate's page
	 * with the message (422), nothing sent; project-service's 409 (not approved, already invoiced) and 400 → the
	 * page with its message.
	 */
	@PostMapping("/estimates/{id}/versions/{number}/invoice")
	String invoice(@PathVariable String id, @PathVariable String number,
			@RequestParam(defaultValue = "") String dueDate, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		StaffToken staff = this.pages.staff(request);
		UUID estimateId = StaffPages.id(id, "estimate");
		int version = versionNumber(number);
		LocalDate due;
		try {
			due = LocalDate.parse(dueDate.strip());
		}
		catch (DateTimeException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			page(staff, estimateId, model);
			model.addAttribute("message", "Enter the day the invoice is due (YYYY-MM-DD).");
			return "backoffice/estimates/detail";
		}
		try {
			Invoice created = this.services.send(staff, Service.PROJECT, HttpMethod.POST,
					Map.of("dueDate", due.toString()), Invoice.class, "/api/estimates/{id}/versions/{n}/invoices",
					estimateId, version);
			return (created != null && created.id() != null) ? "redirect:/invoices/" + created.id() + "?done=created"
					: "redirect:/estimates/" + estimateId;
		}
		catch (ServiceRefusedException ex) {
			int status = ex.problem().status();
			response.setStatus((status == HttpStatus.CONFLICT.value()) ? status : HttpStatus.UNPROCESSABLE_CONTENT.value());
			page(staff, estimateId, model);
			Map<String, String> fields = ex.problem().fieldErrors();
			model.addAttribute("message", "No invoice was created: "
					+ (fields.containsKey("dueDate") ? "the due date " + fields.get("dueDate") : ex.problem().message()));
			return "backoffice/estimates/detail";
		}
	}

	private static int versionNumber(String number) {
		try {
			int version = Integer.parseInt(number);
			if (version < 1) {
				throw new NumberFormatException(number);
			}
			return version;
		}
		catch (NumberFormatException ex) {
			throw new NotFoundException("estimate version");
		}
	}

	private void page(StaffToken staff, UUID estimateId, Model model) {
		Estimate estimate = this.services.get(staff, Service.PROJECT, Estimate.class, "/api/estimates/{id}",
				estimateId);
		model.addAttribute("estimate", estimate);
		model.addAttribute("version", estimate.current());
		model.addAttribute("project", this.lookups.project(staff, estimate.projectId()));
	}

	private static String form(Model model, Project project, BillingForm form, Map<String, String> errors,
			String message) {
		model.addAttribute("project", project);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("message", message);
		return "backoffice/estimates/new";
	}
}
