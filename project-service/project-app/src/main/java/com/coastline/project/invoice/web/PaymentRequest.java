package com.coastline.project.invoice.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A payment received outside the provider.
 *
 * @param amountMinor whole minor units, positive, at most the balance due
 * @param reference optional one line (a cheque number, a transfer reference), at most 200 characters
 */
record PaymentRequest(@NotNull @Positive @Digits(integer = 18, fraction = 0,
		message = "must be a whole number") BigDecimal amountMinor,
		@Size(max = 200) @Pattern(regexp = InvoiceText.SINGLE_LINE,
				message = InvoiceText.SINGLE_LINE_MESSAGE) String reference) {
}
