package com.coastline.project.invoice.web;

import java.time.LocalDate;
import java.util.List;

import com.coastline.project.invoice.Invoice;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The new content of a draft invoice, validated like {@link NewInvoiceRequest} (the title and currency
 * do not change).
 *
 * @param dueDate the new last day to pay it; absent keeps it
 * @param notes the new text for the client, at most 4000 characters; absent keeps it, blank removes it
 * @param lineItems all its lines, replacing the current ones; at most 100
 * @param version the version the caller edited (optional): when given and no longer current, 409
 */
record InvoiceEditRequest(LocalDate dueDate,
		@Size(max = 4000) @Pattern(regexp = InvoiceText.MULTI_LINE, message = InvoiceText.MULTI_LINE_MESSAGE) String notes,
		@NotNull @Size(max = Invoice.MAX_LINE_ITEMS) List<@Valid @NotNull InvoiceLineRequest> lineItems, Long version) {
}
