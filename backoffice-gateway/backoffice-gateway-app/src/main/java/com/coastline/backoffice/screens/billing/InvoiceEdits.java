package com.coastline.backoffice.screens.billing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
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
import com.coastline.backoffice.screens.billing.Billing.Invoice;
import com.coastline.backoffice.signin.StaffToken;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * <em>Edit</em> a draft invoice: the create form's line rows ({@link BillingForm}) filled from the invoice, with its
 * due date and notes → project-service's {@code PUT /api/invoices/{id}} {@code {dueDate, notes, lineItems}}, which
 * replaces the lines and recomputes the totals (the title and currency stay as they were created; empty notes remove
 * them). Only a draft is edited: the form of an issued, paid or void invoice is its page with a message (409), and
 * project-service's 409 (issued meanwhile) is shown on the form as a message. The invoice is read first, so another
 * workspace's or an unknown invoice is a 404 page with nothing sent. What is not an amount or a day → the form again
 * by its row and field (422), nothing sent; project-service's other refusals by their fields (422), or as a message
 * when no field of the form is named.
 */
@Controller
class InvoiceEdits {

	private static final String DATE = "dueDate";

	private final ServiceCalls services;

	private final StaffPages pages;

	private final Lookups lookups;

	InvoiceEdits(ServiceCalls services, StaffPages pages, Lookups lookups) {
		this.services = services;
		this.pages = pages;
		this.lookups = lookups;
	}

	@GetMapping("/invoices/{id}/edit")
	String editForm(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		StaffToken staff = this.pages.staff(request);
		Invoice invoice = invoice(staff, StaffPages.id(id, "invoice"));
		if (!invoice.issuable()) {
			return notADraft(staff, invoice, response, model);
		}
		return form(staff, model, invoice, BillingForm.of(invoice), Map.of(), null);
	}

	@PostMapping("/invoices/{id}/edit")
	String edit(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		StaffToken staff = this.pages.staff(request);
		UUID invoiceId = StaffPages.id(id, "invoice");
		Invoice invoice = invoice(staff, invoiceId);
		if (!invoice.issuable()) {
			return notADraft(staff, invoice, response, model);
		}
		BillingForm form = BillingForm.of(request, DATE).inCurrency(invoice.currency());
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Object> body = form.body(errors);
		LocalDate date = form.day(DATE, errors);
		if (date == null && !errors.containsKey(DATE)) {
			errors.put(DATE, "Enter the day the invoice is due.");
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(staff, model, invoice, form, errors, null);
		}
		// The title and currency are fixed when the invoice is created; empty notes are sent empty (removed).
		body.remove("currency");
		body.remove("title");
		body.put("notes", form.notes());
		body.put(DATE, date.toString());
		try {
			this.services.send(staff, Service.PROJECT, HttpMethod.PUT, body, Invoice.class, "/api/invoices/{id}",
					invoiceId);
			return "redirect:/invoices/" + invoiceId + "?done=saved";
		}
		catch (ServiceRefusedException ex) {
			ServiceProblem problem = ex.problem();
			boolean conflict = problem.status() == HttpStatus.CONFLICT.value();
			response.setStatus(conflict ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
			Map<String, String> refused = form.errorsOf(problem, DATE, DATE);
			return form(staff, model, invoice, form, refused,
					BillingForm.byField(refused, DATE) ? null : "The invoice was not saved: " + problem.message());
		}
	}

	private Invoice invoice(StaffToken staff, UUID invoiceId) {
		Invoice invoice = this.services.get(staff, Service.PROJECT, Invoice.class, "/api/invoices/{id}", invoiceId);
		if (invoice == null) {
			throw new NotFoundException("invoice");
		}
		return invoice;
	}

	/** An issued, paid or void invoice: its page with the reason, nothing sent. */
	private String notADraft(StaffToken staff, Invoice invoice, HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.CONFLICT.value());
		model.addAttribute("invoice", invoice);
		model.addAttribute("project", this.lookups.project(staff, invoice.projectId()));
		model.addAttribute("message", "Only a draft invoice can be edited: this one is "
				+ invoice.statusLabel().toLowerCase(Locale.ROOT) + ".");
		return "backoffice/invoices/detail";
	}

	private String form(StaffToken staff, Model model, Invoice invoice, BillingForm form, Map<String, String> errors,
			String message) {
		model.addAttribute("invoice", invoice);
		model.addAttribute("project", this.lookups.project(staff, invoice.projectId()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("message", message);
		model.addAttribute("editing", true);
		return "backoffice/invoices/edit";
	}
}
