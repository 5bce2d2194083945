package com.coastline.project.invoice.messaging;

import java.time.Instant;
import java.util.UUID;

import com.coastline.project.api.InvoiceIssued;
import com.coastline.project.api.InvoiceOverdue;
import com.coastline.project.api.InvoicePaid;
import com.coastline.project.api.InvoiceVoided;
import com.coastline.project.api.PaymentReceived;
import com.coastline.project.invoice.Invoice;
import com.coastline.project.invoice.InvoicePayment;

/** Maps an invoice, as just saved, onto the events of project-api. */
public final class InvoiceEvents {

	private InvoiceEvents() {
	}

	public static InvoiceIssued issued(Invoice invoice, UUID clientContactId) {
		return new InvoiceIssued(UUID.randomUUID(), invoice.getWorkspaceId(), invoice.getId(), invoice.getProjectId(),
				clientContactId, invoice.getEstimateId(), invoice.getEstimateVersion(), invoice.getTitle(),
				invoice.getCurrency(), invoice.getTotalMinor(), invoice.getDueDate(), invoice.getIssuedAt());
	}

	public static PaymentReceived paymentReceived(Invoice invoice, InvoicePayment payment) {
		return new PaymentReceived(UUID.randomUUID(), invoice.getWorkspaceId(), invoice.getId(), invoice.getProjectId(),
				payment.getId(), payment.getMethod().name(), invoice.getCurrency(), payment.getAmountMinor(),
				invoice.getPaidMinor(), invoice.balanceDueMinor(), payment.getReceivedAt());
	}

	public static InvoicePaid paid(Invoice invoice) {
		return new InvoicePaid(UUID.randomUUID(), invoice.getWorkspaceId(), invoice.getId(), invoice.getProjectId(),
				invoice.getCurrency(), invoice.getTotalMinor(), invoice.getPaidMinor(), invoice.getPaidAt());
	}

	public static InvoiceOverdue overdue(Invoice invoice, UUID clientContactId) {
		return new InvoiceOverdue(UUID.randomUUID(), invoice.getWorkspaceId(), invoice.getId(), invoice.getProjectId(),
				clientContactId, invoice.getCurrency(), invoice.balanceDueMinor(), invoice.getDueDate(),
				invoice.getOverdueAt());
	}

	public static InvoiceVoided voided(Invoice invoice) {
		Instant voidedAt = invoice.getVoidedAt();
		return new InvoiceVoided(UUID.randomUUID(), invoice.getWorkspaceId(), invoice.getId(), invoice.getProjectId(),
				invoice.getVoidReason(), voidedAt);
	}
}
