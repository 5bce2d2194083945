package com.coastline.project.invoice.web;

import java.time.LocalDate;
import java.util.List;

import com.coastline.project.invoice.Invoice;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An invoice written by hand, as a draft.
 *
 * @param currency ISO 4217 code of every amount (the workspace's currency)
 * @param title one line, at most 200 characters
 * @param notes optional text for the client, at most 4000 characters
 * @param dueDate the last day to pay it ({@code 2026-12-31})
 * @param lineItems at most 100; at least one with something to pay before it is issued
 */
record NewInvoiceRequest(@NotNull @Iso4217 String currency,
		@NotBlank @Size(max = 200) @Pattern(regexp = InvoiceText.SINGLE_LINE,
				message = InvoiceText.SINGLE_LINE_MESSAGE) String title,
		@Size(max = 4000) @Pattern(regexp = InvoiceText.MULTI_LINE, message = InvoiceText.MULTI_LINE_MESSAGE) String notes,
		@NotNull LocalDate dueDate,
		@NotNull @Size(max = Invoice.MAX_LINE_ITEMS) List<@Valid @NotNull InvoiceLineRequest> lineItems) {
}
