package com.coastline.project.invoice.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.coastline.project.invoice.Invoice;
import com.coastline.project.invoice.InvoiceManagement;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Back-office API for the invoices of the caller's workspace: written by hand or from an approved estimate
 * version, issued, voided, and payments received outside the provider. Online payments arrive only through
 * the provider's verified webhook.
 */
@RestController
class InvoiceController {

	private final InvoiceManagement invoices;

	InvoiceController(InvoiceManagement invoices) {
		this.invoices = invoices;
	}

	/** A draft invoice of the project written by hand: 201 with its {@code Location}; 404 for an unknown project. */
	@PostMapping("/api/projects/{projectId}/invoices")
	ResponseEntity<InvoiceResponse> create(@PathVariable UUID projectId, @Valid @RequestBody NewInvoiceRequest request) {
		Invoice invoice = this.invoices.create(projectId, request.currency(), request.title(), request.notes(),
				request.dueDate(), request.lineItems().stream().map(InvoiceLineRequest::toLine).toList());
		return created(invoice);
	}

	/**
	 * A draft invoice of an approved estimate version (its title, notes, lines and totals as approved): 201;
	 * 404 for an unknown estimate or version; 409 unless approved, or when it has an invoice (not void) already.
	 */
	@PostMapping("/api/estimates/{estimateId}/versions/{number}/invoices")
	ResponseEntity<InvoiceResponse> createFromEstimate(@PathVariable UUID estimateId, @PathVariable int number,
			@Valid @RequestBody InvoiceFromEstimateRequest request) {
		return created(this.invoices.createFromEstimate(estimateId, number, request.dueDate()));
	}

	/** The workspace's invoices, oldest first. */
	@GetMapping("/api/invoices")
	List<InvoiceResponse> list() {
		return this.invoices.findAll().stream().map(this::response).toList();
	}

	/** The project's invoices, oldest first; 404 for an unknown project. */
	@GetMapping("/api/projects/{projectId}/invoices")
	List<InvoiceResponse> listOfProject(@PathVariable UUID projectId) {
		return this.invoices.findByProject(projectId).stream().map(this::response).toList();
	}

	/** The invoice with its payments; 404 if it is not one of this workspace's. */
	@GetMapping("/api/invoices/{id}")
	InvoiceResponse find(@PathVariable UUID id) {
		return response(this.invoices.find(id));
	}

	/**
	 * Edits a draft (lines as when it is written, totals recomputed; due date and notes when given),
	 * publishes nothing: 200; 404; 400 naming fields; 409 unless a draft, or when {@code version} is given
	 * and stale. Nothing changes on an error.
	 */
	@PutMapping("/api/invoices/{id}")
	InvoiceResponse edit(@PathVariable UUID id, @Valid @RequestBody InvoiceEditRequest request) {
		return response(this.invoices.editDraft(id, request.version(), request.dueDate(), request.notes(),
				request.lineItems().stream().map(InvoiceLineRequest::toLine).toList()));
	}

	/** DRAFT → OPEN, publishes {@code InvoiceIssued}: 200; 409 unless a draft; 422 naming {@code lineItems} when nothing is due. */
	@PostMapping("/api/invoices/{id}/issue")
	InvoiceResponse issue(@PathVariable UUID id) {
		return response(this.invoices.issue(id));
	}

	/** DRAFT, or OPEN without payments → VOID: 200; 409 when paid, void, or open with payments. */
	@PostMapping("/api/invoices/{id}/void")
	InvoiceResponse voidInvoice(@PathVariable UUID id, @Valid @RequestBody(required = false) VoidRequest request) {
		return response(this.invoices.voidInvoice(id, (request != null) ? request.reason() : null));
	}

	/**
	 * A payment received outside the provider (partial payments allowed), publishes {@code PaymentReceived}
	 * (and {@code InvoicePaid} when it settles the balance): 200; 409 unless open; 422 naming
	 * {@code amountMinor} when it is more than the balance due.
	 */
	@PostMapping("/api/invoices/{id}/payments")
	InvoiceResponse recordPayment(@PathVariable UUID id, @Valid @RequestBody PaymentRequest request) {
		return response(this.invoices.recordOfflinePayment(id, request.amountMinor().longValueExact(),
				request.reference()));
	}

	private ResponseEntity<InvoiceResponse> created(Invoice invoice) {
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/invoices/{id}")
			.buildAndExpand(invoice.getId())
			.toUri();
		return ResponseEntity.created(location).body(response(invoice));
	}

	private InvoiceResponse response(Invoice invoice) {
		Instant now = this.invoices.now();
		return InvoiceResponse.of(invoice, this.invoices.payments(invoice.getId()), now);
	}
}
