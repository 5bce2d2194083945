package com.coastline.project.invoice.web;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** @param reason optional, one line, at most 500 characters (staff only; never shown to the client) */
record VoidRequest(@Size(max = 500) @Pattern(regexp = InvoiceText.SINGLE_LINE,
		message = InvoiceText.SINGLE_LINE_MESSAGE) String reason) {
}
