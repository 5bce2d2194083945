package com.coastline.backoffice.screens.billing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.coastline.backoffice.screens.Contact;
import com.coastline.backoffice.screens.NotFoundException;
import com.coastline.backoffice.screens.Service;
import com.coastline.backoffice.screens.ServiceCalls;
import com.coastline.backoffice.screens.ServiceRefusedException;
import com.coastline.backoffice.screens.ServiceUnavailableException;
import com.coastline.backoffice.screens.StaffPages;
import com.coastline.backoffice.screens.billing.Billing.Estimate;
import com.coastline.backoffice.screens.billing.Billing.Invoice;
import com.coastline.backoffice.signin.StaffToken;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
 * {@code POST /api/estimates/{id}/send}; <em>Edit</em> ({@link BillingEdit}: the form carries the version it was read at, and a change made meanwhile is
 * shown instead of overwritten); <em>Invoice this version</em> for an approved version. Refusals by their fields
 * (422) or, for a move the estimate no longer allows,
 * as a message (409); nothing else is sent. The page also shows the client's answers ({@link EstimateAnswers}):
 * who approved (the signed name, the signed-in contact), when in the workspace's time zone (identity's; UTC when
 * identity cannot say), from which IP address and browser, and the approved document's fingerprint; who declined
 * or asked for changes, when, and their message.
 */
@Controller
class EstimatePages {

	/** The time zone answers are shown in when identity cannot say the workspace's ("UTC", not "Z"). */
	private static final ZoneId UTC = ZoneId.of("UTC");

	private static final Map<String, String> DONE = Map.of("created",
			"Estimate saved as a draft. The client sees it once you send it.", "sent",
			"Sent to the client. They can review and approve it in the Customer Portal.", "saved",
			"Saved. The client sees the draft once you send it.", "revised",
			"Saved as version %d, a draft. The client sees it once you send it.");

	private final ServiceCalls services;

	private final StaffPages pages;

	private final Lookups lookups;

	private final BillingCreation<Estimate> creation;

	private final BillingEdit<Estimate> edit;

	private final JsonMapper json;

	EstimatePages(ServiceCalls services, StaffPages pages, Lookups lookups, JsonMapper json) {
		this.services = services;
		this.pages = pages;
		this.lookups = lookups;
		this.creation = new BillingCreation<>(services, pages, lookups, "estimates", "validUntil", null,
				Estimate.class, Estimate::id);
		this.edit = BillingEdit.estimates(services, pages, lookups);
		this.json = json;
	}

	@GetMapping("/projects/{id}/estimates/new")
	String newEstimate(@PathVariable String id, HttpServletRequest request, Model model) {
		return this.creation.newForm(id, request, model);
	}

	@PostMapping("/projects/{id}/estimates")
	String create(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		return this.creation.create(id, request, response, model);
	}

	@GetMapping("/estimates/{id}/edit")
	String editForm(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		return this.edit.editForm(id, request, response, model);
	}

	@PostMapping("/estimates/{id}/edit")
	String edit(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		return this.edit.edit(id, request, response, model);
	}

	@GetMapping("/estimates/{id}")
	String estimate(@PathVariable String id, @RequestParam(defaultValue = "") String done, HttpServletRequest request,
			Model model) {
		StaffToken staff = this.pages.staff(request);
		page(staff, StaffPages.id(id, "estimate"), model);
		String message = DONE.get(done);
		model.addAttribute("done", (message != null && message.contains("%d"))
				? message.formatted(((Estimate) model.getAttribute("estimate")).currentVersion()) : message);
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
		// One answer read twice: the estimate as the billing pages know it, and the client's answers with their
		// evidence.
		JsonNode answer = this.services.get(staff, Service.PROJECT, JsonNode.class, "/api/estimates/{id}",
				estimateId);
		Estimate estimate = this.json.treeToValue(answer, Estimate.class);
		EstimateAnswers answers = this.json.treeToValue(answer, EstimateAnswers.class);
		model.addAttribute("estimate", estimate);
		model.addAttribute("version", estimate.current());
		model.addAttribute("project", this.lookups.project(staff, estimate.projectId()));
		// Only an answered estimate asks identity for the time zone and project-service for the contacts.
		model.addAttribute("answers", answers.none() ? List.of()
				: answers.shown(workspaceZone(staff), names(staff, answers.contactIds())));
	}

	/** The answering contacts' names; one that is gone or cannot be read now is left out ("the client"). */
	private Map<UUID, String> names(StaffToken staff, List<UUID> contactIds) {
		Map<UUID, String> names = new HashMap<>();
		for (UUID contactId : contactIds) {
			try {
				Contact contact = this.services.get(staff, Service.PROJECT, Contact.class, "/api/contacts/{id}",
						contactId);
				if (contact != null) {
					names.put(contactId, contact.name());
				}
			}
			catch (NotFoundException | ServiceUnavailableException | ServiceRefusedException ex) {
				// The answer still shows, without the contact's name.
			}
		}
		return names;
	}

	/** The workspace's time zone, as identity knows it; UTC when identity cannot say right now. */
	private ZoneId workspaceZone(StaffToken staff) {
		try {
			Workspace workspace = this.services.get(staff, Service.IDENTITY, Workspace.class, "/api/workspaces/{id}",
					staff.workspaceId());
			return (workspace != null && workspace.timeZone() != null) ? ZoneId.of(workspace.timeZone())
					: UTC;
		}
		catch (NotFoundException | ServiceUnavailableException | ServiceRefusedException | DateTimeException ex) {
			return UTC;
		}
	}

	/**
	 * identity's workspace, as far as the estimate's page needs it.
	 *
	 * @param id the workspace
	 * @param timeZone its IANA time zone
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Workspace(UUID id, String timeZone) {
	}
}
