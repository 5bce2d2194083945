package com.coastline.project.invoice.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.coastline.project.invoice.Invoice;
import com.coastline.project.invoice.InvoicePayment;
import com.coastline.project.invoice.InvoiceStatus;
import com.coastline.project.invoice.PaymentMethod;

/**
 * An invoice as the back office sees it. {@code overdue} is derived (open, due date passed); amounts are
 * minor units of {@code currency}; {@code overpaidMinor} is money received beyond the total (an online
 * payment that crossed an offline one) to refund.
 */
record InvoiceResponse(UUID id, UUID projectId, UUID estimateId, Integer estimateVersion, String title, String notes,
		String currency, InvoiceStatus status, boolean overdue, LocalDate dueDate, List<LineItemResponse> lineItems,
		long subtotalMinor, long taxMinor, long totalMinor, long paidMinor, long balanceDueMinor, long overpaidMinor,
		List<Payment> payments, Instant createdAt, Instant issuedAt, Instant paidAt, Instant voidedAt,
		String voidReason, Instant overdueAt, long version) {

	static InvoiceResponse of(Invoice invoice, List<InvoicePayment> payments, Instant now) {
		return new InvoiceResponse(invoice.getId(), invoice.getProjectId(), invoice.getEstimateId(),
				invoice.getEstimateVersion(), invoice.getTitle(), invoice.getNotes(), invoice.getCurrency(),
				invoice.getStatus(), invoice.isOverdueAt(now), invoice.getDueDate(),
				invoice.getLineItems().stream().map(LineItemResponse::of).toList(), invoice.getSubtotalMinor(),
				invoice.getTaxMinor(), invoice.getTotalMinor(), invoice.getPaidMinor(), invoice.balanceDueMinor(),
				invoice.overpaidMinor(), payments.stream().map(Payment::of).toList(), invoice.getCreatedAt(),
				invoice.getIssuedAt(), invoice.getPaidAt(), invoice.getVoidedAt(), invoice.getVoidReason(),
				invoice.getOverdueAt(), invoice.getVersion());
	}

	/**
	 * @param method OFFLINE or ONLINE
	 * @param providerPaymentId the provider's payment ({@code pi_…}) of an online payment
	 * @param reference what staff noted with an offline payment
	 * @param recordedBy {@code staff:<id>} or {@code provider:<name>}
	 */
	record Payment(UUID id, PaymentMethod method, long amountMinor, String providerPaymentId, String reference,
			Instant receivedAt, String recordedBy) {

		static Payment of(InvoicePayment payment) {
			return new Payment(payment.getId(), payment.getMethod(), payment.getAmountMinor(),
					payment.getProviderPaymentId(), payment.getReference(), payment.getReceivedAt(),
					payment.getRecordedBy());
		}
	}
}
