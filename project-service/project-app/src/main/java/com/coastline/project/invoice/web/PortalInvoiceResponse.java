package com.coastline.project.invoice.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.coastline.project.invoice.Invoice;
import com.coastline.project.invoice.InvoiceStatus;

/** An invoice as its client sees it: no staff notes on payments, no void reason. */
record PortalInvoiceResponse(UUID id, UUID projectId, String title, String notes, String currency,
		InvoiceStatus status, boolean overdue, LocalDate dueDate, List<LineItemResponse> lineItems, long subtotalMinor,
		long taxMinor, long totalMinor, long paidMinor, long balanceDueMinor, Instant issuedAt, Instant paidAt,
		Instant voidedAt) {

	static PortalInvoiceResponse of(Invoice invoice, Instant now) {
		return new PortalInvoiceResponse(invoice.getId(), invoice.getProjectId(), invoice.getTitle(), invoice.getNotes(),
				invoice.getCurrency(), invoice.getStatus(), invoice.isOverdueAt(now), invoice.getDueDate(),
				invoice.getLineItems().stream().map(LineItemResponse::of).toList(), invoice.getSubtotalMinor(),
				invoice.getTaxMinor(), invoice.getTotalMinor(), invoice.getPaidMinor(), invoice.balanceDueMinor(),
				invoice.getIssuedAt(), invoice.getPaidAt(), invoice.getVoidedAt());
	}
}
