package com.coastline.backoffice.screens.billing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.coastline.backoffice.screens.NotFoundException;
import com.coastline.backoffice.screens.Service;
import com.coastline.backoffice.screens.ServiceCalls;
import com.coastline.backoffice.screens.ServiceProblem;
import com.coastline.backoffice.screens.ServiceRefusedException;
import com.coastline.backoffice.screens.StaffPages;
import com.coastline.backoffice.screens.billing.Billing.Estimate;
import com.coastline.backoffice.signin.StaffToken;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * <em>Edit</em> an estimate: the create form's line rows ({@link BillingForm}) filled from the current version →
 * project-service's {@code PUT /api/estimates/{id}} {@code {title, notes, validUntil, lineItems}}, which changes a
 * draft in place or saves the edit as a new draft version (n+1) when the current one was sent or answered; the
 * client sees a new version once it is sent. The estimate is read first, so another workspace's or an unknown
 * estimate is a 404 page with nothing sent; its currency stays as it was created. What is not an amount or a day →
 * the form again by its row and field (422), nothing sent; project-service's refusals by their fields (its 409 as
 * 409, anything else as 422), or as a message when no field of the form is named. A draft invoice's edit is
 * {@link InvoiceEdits}.
 */
@Controller
class EstimateEdits {

	private static final String DATE = "validUntil";

	private final ServiceCalls services;

	private final StaffPages pages;

	private final Lookups lookups;

	EstimateEdits(ServiceCalls services, StaffPages pages, Lookups lookups) {
		this.services = services;
		this.pages = pages;
		this.lookups = lookups;
	}

	@GetMapping("/estimates/{id}/edit")
	String editForm(@PathVariable String id, HttpServletRequest request, Model model) {
		StaffToken staff = this.pages.staff(request);
		Estimate estimate = estimate(staff, StaffPages.id(id, "estimate"));
		BillingForm form = (estimate.current() != null) ? BillingForm.of(estimate.current(), estimate.currency())
				: BillingForm.empty(estimate.currency());
		return form(staff, model, estimate, form, Map.of(), null);
	}

	@PostMapping("/estimates/{id}/edit")
	String edit(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		StaffToken staff = this.pages.staff(request);
		UUID estimateId = StaffPages.id(id, "estimate");
		Estimate estimate = estimate(staff, estimateId);
		BillingForm form = BillingForm.of(request, DATE).inCurrency(estimate.currency());
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Object> body = form.body(errors);
		LocalDate date = form.day(DATE, errors);
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(staff, model, estimate, form, errors, null);
		}
		// The currency is fixed when the estimate is created: the edit sends only what may change.
		body.remove("currency");
		body.put(DATE, (date != null) ? date.toString() : null);
		try {
			Estimate saved = this.services.send(staff, Service.PROJECT, HttpMethod.PUT, body, Estimate.class,
					"/api/estimates/{id}", estimateId);
			boolean newVersion = saved != null && saved.currentVersion() > estimate.currentVersion();
			return "redirect:/estimates/" + estimateId + "?done=" + (newVersion ? "revised" : "saved");
		}
		catch (ServiceRefusedException ex) {
			response.setStatus((ex.problem().status() == HttpStatus.CONFLICT.value()) ? HttpStatus.CONFLICT.value()
					: HttpStatus.UNPROCESSABLE_CONTENT.value());
			ServiceProblem problem = ex.problem();
			Map<String, String> refused = form.errorsOf(problem, DATE, DATE);
			return form(staff, model, estimate, form, refused,
					BillingForm.byField(refused, DATE) ? null : problem.message());
		}
	}

	private Estimate estimate(StaffToken staff, UUID estimateId) {
		Estimate estimate = this.services.get(staff, Service.PROJECT, Estimate.class, "/api/estimates/{id}",
				estimateId);
		if (estimate == null) {
			throw new NotFoundException("estimate");
		}
		return estimate;
	}

	private String form(StaffToken staff, Model model, Estimate estimate, BillingForm form, Map<String, String> errors,
			String message) {
		model.addAttribute("estimate", estimate);
		model.addAttribute("project", this.lookups.project(staff, estimate.projectId()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("message", message);
		model.addAttribute("editing", true);
		return "backoffice/estimates/edit";
	}
}
