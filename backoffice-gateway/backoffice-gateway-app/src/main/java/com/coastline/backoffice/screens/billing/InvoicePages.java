package com.coastline.backoffice.screens.billing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.coastline.backoffice.screens.Service;
import com.coastline.backoffice.screens.ServiceCalls;
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
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Invoices: a new invoice for a project (title, notes, due date, line rows) → project-service's
 * {@code POST /api/projects/{id}/invoices} (a DRAFT in the workspace's currency); an invoice's page (lines, totals,
 * status, paid, balance due, payments, <em>Overdue</em>); <em>Issue</em> → {@code POST /api/invoices/{id}/issue}
 * (the client sees it in the portal and can pay it); <em>Edit</em> while a draft ({@link BillingEdit}, with
 * the version it was read at);
 * <em>Record a payment</em> received outside the portal and
 * <em>Void</em>. Refusals by their fields (422) or, for a move the invoice no
 * longer allows, as a message (409); nothing else is sent.
 */
@Controller
class InvoicePages {

	private static final Map<String, String> DONE = Map.of("created",
			"Invoice saved as a draft. The client sees it once you issue it.", "issued",
			"Issued. The client can see and pay it in the Customer Portal.", "payment-recorded", "Payment recorded.",
			"voided", "Invoice voided.", "saved", "Saved. The client sees the draft once you issue it.");

	/** project-service's fields of the payment and void requests, as the page names them. */
	private static final Map<String, String> FIELD_NAMES = Map.of("amountMinor", "the amount", "reference",
			"the reference", "reason", "the reason");

	private final ServiceCalls services;

	private final StaffPages pages;

	private final Lookups lookups;

	private final BillingCreation<Invoice> creation;

	private final BillingEdit<Invoice> edit;

	InvoicePages(ServiceCalls services, StaffPages pages, Lookups lookups) {
		this.services = services;
		this.pages = pages;
		this.lookups = lookups;
		this.creation = new BillingCreation<>(services, pages, lookups, "invoices", "dueDate",
				"Enter the day the invoice is due.", Invoice.class, Invoice::id);
		this.edit = BillingEdit.invoices(services, pages, lookups);
	}

	@GetMapping("/projects/{id}/invoices/new")
	String newInvoice(@PathVariable String id, HttpServletRequest request, Model model) {
		return this.creation.newForm(id, request, model);
	}

	@PostMapping("/projects/{id}/invoices")
	String create(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		return this.creation.create(id, request, response, model);
	}

	@GetMapping("/invoices/{id}/edit")
	String editForm(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		return this.edit.editForm(id, request, response, model);
	}

	@PostMapping("/invoices/{id}/edit")
	String edit(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		return this.edit.edit(id, request, response, model);
	}

	@GetMapping("/invoices/{id}")
	String invoice(@PathVariable String id, @RequestParam(defaultValue = "") String done, HttpServletRequest request,
			Model model) {
		StaffToken staff = this.pages.staff(request);
		page(staff, StaffPages.id(id, "invoice"), model);
		model.addAttribute("done", DONE.get(done));
		return "backoffice/invoices/detail";
	}

	/**
	 * <em>Issue</em>: the draft becomes OPEN. project-service's 409 (not a draft any more) and 422 (nothing to pay)
	 * → the page as it is now with the message.
	 */
	@PostMapping("/invoices/{id}/issue")
	String issue(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		StaffToken staff = this.pages.staff(request);
		UUID invoiceId = StaffPages.id(id, "invoice");
		try {
			this.services.send(staff, Service.PROJECT, HttpMethod.POST, null, Void.class, "/api/invoices/{id}/issue",
					invoiceId);
			return "redirect:/invoices/" + invoiceId + "?done=issued";
		}
		catch (ServiceRefusedException ex) {
			int status = ex.problem().status();
			if (status != HttpStatus.CONFLICT.value() && status != HttpStatus.UNPROCESSABLE_CONTENT.value()) {
				throw ex;
			}
			response.setStatus(status);
			page(staff, invoiceId, model);
			model.addAttribute("message", "The invoice was not issued: " + ex.problem().message());
			return "backoffice/invoices/detail";
		}
	}

	/**
	 * <em>Record a payment</em> received outside the portal (a cheque, a transfer): the amount as typed in the
	 * invoice's currency and a reference → project-service's {@code POST /api/invoices/{id}/payments}. An amount that
	 * is not one → the page with the message (422), nothing sent; project-service's 422 (more than the balance due)
	 * and 409 (not open) → its message.
	 */
	@PostMapping("/invoices/{id}/payments")
	String recordPayment(@PathVariable String id, @RequestParam(defaultValue = "") String amount,
			@RequestParam(defaultValue = "") String reference, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		StaffToken staff = this.pages.staff(request);
		UUID invoiceId = StaffPages.id(id, "invoice");
		Invoice invoice = this.services.get(staff, Service.PROJECT, Invoice.class, "/api/invoices/{id}", invoiceId);
		Long minor = BillingForm.minorUnits(amount, invoice.currency());
		if (minor == null || minor == 0) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			page(staff, invoiceId, model);
			model.addAttribute("message", "Enter the amount received as a number like 1250 or 1250.00, with no more "
					+ "decimals than " + invoice.currency() + " has. Nothing was recorded.");
			return "backoffice/invoices/detail";
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("amountMinor", minor);
		body.put("reference", reference.isBlank() ? null : reference.strip());
		return change(staff, invoiceId, "/api/invoices/{id}/payments", body, "payment-recorded",
				"The payment was not recorded: ", response, model);
	}

	/**
	 * <em>Void</em> a draft, or an open invoice without payments, with an optional reason → project-service's
	 * {@code POST /api/invoices/{id}/void}; its 409 (paid, or with payments) → its message.
	 */
	@PostMapping("/invoices/{id}/void")
	String voidInvoice(@PathVariable String id, @RequestParam(defaultValue = "") String reason,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		StaffToken staff = this.pages.staff(request);
		UUID invoiceId = StaffPages.id(id, "invoice");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("reason", reason.isBlank() ? null : reason.strip());
		return change(staff, invoiceId, "/api/invoices/{id}/void", body, "voided", "The invoice was not voided: ",
				response, model);
	}

	private String change(StaffToken staff, UUID invoiceId, String uri, Object body, String done, String refused,
			HttpServletResponse response, Model model) {
		try {
			this.services.send(staff, Service.PROJECT, HttpMethod.POST, body, Void.class, uri, invoiceId);
			return "redirect:/invoices/" + invoiceId + "?done=" + done;
		}
		catch (ServiceRefusedException ex) {
			int status = ex.problem().status();
			if (status != HttpStatus.CONFLICT.value() && status != HttpStatus.UNPROCESSABLE_CONTENT.value()
					&& status != HttpStatus.BAD_REQUEST.value()) {
				throw ex;
			}
			response.setStatus((status == HttpStatus.CONFLICT.value()) ? status : HttpStatus.UNPROCESSABLE_CONTENT.value());
			page(staff, invoiceId, model);
			Map<String, String> fields = ex.problem().fieldErrors();
			model.addAttribute("message", refused + (fields.isEmpty() ? ex.problem().message()
					: fields.entrySet()
						.stream()
						.map((field) -> FIELD_NAMES.getOrDefault(field.getKey(), field.getKey()) + " " + field.getValue())
						.collect(Collectors.joining("; "))));
			return "backoffice/invoices/detail";
		}
	}

	private void page(StaffToken staff, UUID invoiceId, Model model) {
		Invoice invoice = this.services.get(staff, Service.PROJECT, Invoice.class, "/api/invoices/{id}", invoiceId);
		model.addAttribute("invoice", invoice);
		model.addAttribute("project", this.lookups.project(staff, invoice.projectId()));
	}
}
