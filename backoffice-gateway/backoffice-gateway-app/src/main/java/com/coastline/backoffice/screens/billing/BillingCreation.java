package com.coastline.backoffice.screens.billing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.coastline.backoffice.screens.Project;
import com.coastline.backoffice.screens.Service;
import com.coastline.backoffice.screens.ServiceCalls;
import com.coastline.backoffice.screens.ServiceProblem;
import com.coastline.backoffice.screens.ServiceRefusedException;
import com.coastline.backoffice.screens.StaffPages;
import com.coastline.backoffice.signin.StaffToken;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * The create flow the new estimate and new invoice pages share, for a project: the empty {@link BillingForm} in the
 * workspace's currency; the form as typed → the request body (amounts as project-service's integers, the date as
 * {@code yyyy-MM-dd} or null) → project-service's {@code POST /api/projects/{id}/<resource>} → the new resource's
 * page ({@code ?done=created}), or the project's page when project-service does not answer with it. What is not an
 * amount, a currency or a day → the form again by its row and field (422), nothing sent; project-service's refusals
 * by their fields (its 409 as 409, anything else as 422), or as a message when no field of the form is named.
 *
 * @param <T> project-service's answer ({@code Estimate}, {@code Invoice})
 */
final class BillingCreation<T> {

	private final ServiceCalls services;

	private final StaffPages pages;

	private final Lookups lookups;

	private final String resource;

	private final String dateField;

	private final String missingDate;

	private final Class<T> type;

	private final Function<T, UUID> id;

	/**
	 * @param resource the plural ({@code estimates}, {@code invoices}): project-service's path under the project,
	 * the page's path and the templates' folder
	 * @param dateField the form's and the request body's date field ({@code validUntil}, {@code dueDate})
	 * @param missingDate the message when the date is left empty, or null when it may be
	 * @param type project-service's answer
	 * @param id the new resource's id in the answer
	 */
	BillingCreation(ServiceCalls services, StaffPages pages, Lookups lookups, String resource, String dateField,
			String missingDate, Class<T> type, Function<T, UUID> id) {
		this.services = services;
		this.pages = pages;
		this.lookups = lookups;
		this.resource = resource;
		this.dateField = dateField;
		this.missingDate = missingDate;
		this.type = type;
		this.id = id;
	}

	/** The new form: empty rows in the workspace's currency (to type when identity cannot say). */
	String newForm(String projectId, HttpServletRequest request, Model model) {
		StaffToken staff = this.pages.staff(request);
		Project project = this.lookups.project(staff, StaffPages.id(projectId, "project"));
		return form(model, project, BillingForm.empty(this.lookups.currency(staff)), Map.of(), null);
	}

	/** The form as typed → project-service, or the form again with what is wrong by its field. */
	String create(String projectId, HttpServletRequest request, HttpServletResponse response, Model model) {
		StaffToken staff = this.pages.staff(request);
		Project project = this.lookups.project(staff, StaffPages.id(projectId, "project"));
		BillingForm form = BillingForm.of(request, this.dateField);
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Object> body = form.body(errors);
		LocalDate date = form.day(this.dateField, errors);
		if (this.missingDate != null && form.date().isEmpty()) {
			errors.put(this.dateField, this.missingDate);
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(model, project, form, errors, null);
		}
		body.put(this.dateField, (date != null) ? date.toString() : null);
		try {
			T created = this.services.send(staff, Service.PROJECT, HttpMethod.POST, body, this.type,
					"/api/projects/{id}/" + this.resource, project.id());
			// project-service answers 201 with the new resource; without it, the project page lists it.
			UUID createdId = (created != null) ? this.id.apply(created) : null;
			return (createdId != null) ? "redirect:/" + this.resource + "/" + createdId + "?done=created"
					: "redirect:/projects/" + project.id();
		}
		catch (ServiceRefusedException ex) {
			response.setStatus((ex.problem().status() == HttpStatus.CONFLICT.value()) ? HttpStatus.CONFLICT.value()
					: HttpStatus.UNPROCESSABLE_CONTENT.value());
			ServiceProblem problem = ex.problem();
			Map<String, String> refused = form.errorsOf(problem, this.dateField, this.dateField);
			return form(model, project, form, refused,
					BillingForm.byField(refused, this.dateField) ? null : problem.message());
		}
	}

	private String form(Model model, Project project, BillingForm form, Map<String, String> errors, String message) {
		model.addAttribute("project", project);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("message", message);
		return "backoffice/" + this.resource + "/new";
	}
}
