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
import com.coastline.backoffice.screens.billing.Billing.Estimate;
import com.coastline.backoffice.screens.billing.Billing.Invoice;
import com.coastline.backoffice.signin.StaffToken;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * The edit flow the estimate and invoice edit pages share (as {@link BillingCreation} is their create flow): the
 * create form's line rows ({@link BillingForm}) filled from the record → project-service's
 * {@code PUT /api/<resource>/{id}} → the record's page. The record is read first, so another workspace's or an
 * unknown one is a 404 page with nothing sent; what was fixed at creation (the currency, an invoice's title) is
 * never sent. What is not an amount or a day → the form again by its row and field (422), nothing sent;
 * project-service's refusals by their fields (422), or as a message when no field of the form is named (its 409
 * as 409).
 * <p>
 * <strong>Optimistic locking</strong>: the form carries the record's {@code version} it was rendered with (a
 * hidden field) and sends it as the body's {@code version}; project-service answers 409 when the record changed
 * since. The gateway compares it with the record it reads first, too, so a change it can see is caught before
 * anything is sent. Either way the answer is the form again (409) with what the member typed kept, the latest
 * saved record shown above it and a notice that nothing was saved; the form then carries the latest version, so
 * saving again replaces the other change knowingly. A record that cannot be edited any more (an invoice issued
 * meanwhile) is its page with the reason (409).
 *
 * @param <T> project-service's record ({@code Estimate}, {@code Invoice})
 */
final class BillingEdit<T> {

	/** The form's hidden field with the version the form was rendered with. */
	static final String VERSION = "version";

	private final ServiceCalls services;

	private final StaffPages pages;

	private final Lookups lookups;

	private final Kind<T> kind;

	private BillingEdit(ServiceCalls services, StaffPages pages, Lookups lookups, Kind<T> kind) {
		this.services = services;
		this.pages = pages;
		this.lookups = lookups;
		this.kind = kind;
	}

	/**
	 * An estimate's edit: every estimate may be edited (project-service changes a draft in place, and saves the
	 * edit of a sent or answered one as a new draft version n+1); the valid-until date is optional; the currency
	 * is never sent; "Saved" or "Saved as version n" on the estimate's page.
	 */
	static BillingEdit<Estimate> estimates(ServiceCalls services, StaffPages pages, Lookups lookups) {
		return new BillingEdit<>(services, pages, lookups, new Kind<>() {

			@Override
			Resource<Estimate> resource() {
				return new Resource<>("estimates", "estimate", "validUntil", null, Estimate.class);
			}

			@Override
			Record of(Estimate estimate) {
				BillingForm form = (estimate.current() != null)
						? BillingForm.of(estimate.current(), estimate.currency())
						: BillingForm.empty(estimate.currency());
				return new Record(estimate.projectId(), estimate.currency(), estimate.version(), form, null);
			}

			@Override
			void fixed(Map<String, Object> body, BillingForm form) {
				body.remove("currency");
			}

			@Override
			String done(Estimate before, Estimate saved) {
				return (saved != null && saved.currentVersion() > before.currentVersion()) ? "revised" : "saved";
			}
		});
	}

	/**
	 * A draft invoice's edit: an issued, paid or void invoice is its page with the reason (409); the due date is
	 * required; the title and currency are never sent; empty notes are sent empty (project-service removes them,
	 * while missing notes would be kept); "Saved" on the invoice's page.
	 */
	static BillingEdit<Invoice> invoices(ServiceCalls services, StaffPages pages, Lookups lookups) {
		return new BillingEdit<>(services, pages, lookups, new Kind<>() {

			@Override
			Resource<Invoice> resource() {
				return new Resource<>("invoices", "invoice", "dueDate", "Enter the day the invoice is due.",
						Invoice.class);
			}

			@Override
			Record of(Invoice invoice) {
				return new Record(invoice.projectId(), invoice.currency(), invoice.version(), BillingForm.of(invoice),
						invoice.issuable() ? null : "Only a draft invoice can be edited: this one is "
								+ invoice.statusLabel().toLowerCase(Locale.ROOT) + ".");
			}

			@Override
			void fixed(Map<String, Object> body, BillingForm form) {
				body.remove("currency");
				body.remove("title");
				body.put("notes", form.notes());
			}

			@Override
			String done(Invoice before, Invoice saved) {
				return "saved";
			}
		});
	}

	/** The form filled from the record, with its version; a record that cannot be edited is its page (409). */
	String editForm(String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		StaffToken staff = this.pages.staff(request);
		T record = read(staff, StaffPages.id(id, this.kind.resource().noun()));
		Record edited = this.kind.of(record);
		if (edited.notEditable() != null) {
			return notEditable(staff, record, edited, null, response, model);
		}
		return form(staff, model, record, edited.form(), edited.version(), Map.of(), null, false);
	}

	/** The form as typed → project-service, or the form again with what is wrong, or the latest when it changed. */
	String edit(String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		Resource<T> resource = this.kind.resource();
		StaffToken staff = this.pages.staff(request);
		UUID recordId = StaffPages.id(id, resource.noun());
		T record = read(staff, recordId);
		Record current = this.kind.of(record);
		Long version = version(request);
		BillingForm form = BillingForm.of(request, resource.dateField()).inCurrency(current.currency());
		if (current.notEditable() != null) {
			return notEditable(staff, record, current, version, response, model);
		}
		if (changedSince(version, current)) {
			// Someone else saved since the form was rendered: nothing is sent, their change is not overwritten.
			return stale(staff, record, current, form, response, model);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Object> body = form.body(errors);
		LocalDate date = form.day(resource.dateField(), errors);
		if (resource.missingDate() != null && form.date().isEmpty() && !errors.containsKey(resource.dateField())) {
			errors.put(resource.dateField(), resource.missingDate());
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(staff, model, record, form, version, errors, null, false);
		}
		this.kind.fixed(body, form);
		body.put(resource.dateField(), (date != null) ? date.toString() : null);
		if (version != null) {
			body.put(VERSION, version);
		}
		try {
			T saved = this.services.send(staff, Service.PROJECT, HttpMethod.PUT, body, resource.type(),
					"/api/" + resource.plural() + "/{id}", recordId);
			return "redirect:/" + resource.plural() + "/" + recordId + "?done=" + this.kind.done(record, saved);
		}
		catch (ServiceRefusedException ex) {
			ServiceProblem problem = ex.problem();
			boolean conflict = problem.status() == HttpStatus.CONFLICT.value();
			if (conflict) {
				T latest = read(staff, recordId);
				Record now = this.kind.of(latest);
				if (now.notEditable() != null) {
					return notEditable(staff, latest, now, version, response, model);
				}
				if (changedSince(version, now)) {
					return stale(staff, latest, now, form, response, model);
				}
			}
			response.setStatus(conflict ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
			Map<String, String> refused = form.errorsOf(problem, resource.dateField(), resource.dateField());
			return form(staff, model, record, form, version, refused, BillingForm.byField(refused, resource.dateField())
					? null : "The " + resource.noun() + " was not saved: " + problem.message(), false);
		}
	}

	private T read(StaffToken staff, UUID recordId) {
		Resource<T> resource = this.kind.resource();
		T record = this.services.get(staff, Service.PROJECT, resource.type(), "/api/" + resource.plural() + "/{id}",
				recordId);
		if (record == null) {
			throw new NotFoundException(resource.noun());
		}
		return record;
	}

	/** Whether the record changed since the form's version (a form without one is not checked). */
	private static boolean changedSince(Long version, Record current) {
		return version != null && current.version() != null && !version.equals(current.version());
	}

	/**
	 * The form again (409) with what was typed, the latest saved record above it and the latest version in the
	 * hidden field, so saving again knowingly replaces the other change.
	 */
	private String stale(StaffToken staff, T latest, Record now, BillingForm form, HttpServletResponse response,
			Model model) {
		response.setStatus(HttpStatus.CONFLICT.value());
		String noun = this.kind.resource().noun();
		return form(staff, model, latest, form, now.version(), Map.of(), "Someone changed this " + noun
				+ " while you were editing it, so your changes were not saved. They are still in the form below; the "
				+ noun + " as it is now is shown above it. Save again to replace it with your version.", true);
	}

	/** A record that cannot be edited (an issued invoice): its page with the reason (409), nothing sent. */
	private String notEditable(StaffToken staff, T record, Record edited, Long version, HttpServletResponse response,
			Model model) {
		response.setStatus(HttpStatus.CONFLICT.value());
		Resource<T> resource = this.kind.resource();
		model.addAttribute(resource.noun(), record);
		model.addAttribute("project", this.lookups.project(staff, edited.projectId()));
		model.addAttribute("message", changedSince(version, edited)
				? "Someone changed this " + resource.noun() + " while you were editing it, so your changes were not "
						+ "saved. " + edited.notEditable()
				: edited.notEditable());
		return "backoffice/" + resource.plural() + "/detail";
	}

	private String form(StaffToken staff, Model model, T record, BillingForm form, Long version,
			Map<String, String> errors, String message, boolean stale) {
		Resource<T> resource = this.kind.resource();
		model.addAttribute(resource.noun(), record);
		model.addAttribute("project", this.lookups.project(staff, this.kind.of(record).projectId()));
		model.addAttribute("form", form);
		model.addAttribute("editedVersion", version);
		model.addAttribute("errors", errors);
		model.addAttribute("message", message);
		model.addAttribute("stale", stale);
		model.addAttribute("editing", true);
		return "backoffice/" + resource.plural() + "/edit";
	}

	/** The form's version field, or null when it has none (or not a number: then nothing is compared). */
	private static Long version(HttpServletRequest request) {
		String version = request.getParameter(VERSION);
		if (version == null || version.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(version.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * What the estimate and invoice edits do differently.
	 *
	 * @param <T> project-service's record
	 */
	abstract static class Kind<T> {

		/** Where the record is, and its form's date. */
		abstract Resource<T> resource();

		/** The record as the edit sees it. */
		abstract Record of(T record);

		/** Leaves out of the body what was fixed at creation (and sends what the service reads differently). */
		abstract void fixed(Map<String, Object> body, BillingForm form);

		/** The confirmation the record's page shows after the save ({@code ?done=}). */
		abstract String done(T before, T saved);
	}

	/**
	 * @param plural project-service's path ({@code /api/<plural>/{id}}), the page's and the templates' folder
	 * @param noun the record in words, and its model attribute
	 * @param dateField the form's and the body's date ({@code validUntil}, {@code dueDate})
	 * @param missingDate the message when the date is left empty, or null when it may be
	 * @param type project-service's answer
	 * @param <T> project-service's record
	 */
	record Resource<T>(String plural, String noun, String dateField, String missingDate, Class<T> type) {
	}

	/**
	 * A record as the edit sees it.
	 *
	 * @param projectId its project
	 * @param currency its currency (fixed at creation)
	 * @param version its version for optimistic locking, or null when project-service did not say
	 * @param form the form filled from it
	 * @param notEditable why it cannot be edited, or null
	 */
	record Record(UUID projectId, String currency, Long version, BillingForm form, String notEditable) {
	}
}
