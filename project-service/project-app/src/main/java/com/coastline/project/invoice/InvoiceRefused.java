package com.coastline.project.invoice;

import java.util.List;
import java.util.Map;

import com.coastline.platform.web.problem.UnprocessableException;

/**
 * 422: a valid request the invoice refuses, naming the field at fault in {@code errors} like a validation
 * problem: an over-payment ({@code amountMinor}), issuing an invoice with nothing to pay ({@code lineItems}).
 */
public class InvoiceRefused extends UnprocessableException {

	private final String field;

	public InvoiceRefused(String field, String detail) {
		super(detail);
		this.field = field;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("errors", List.of(Map.of("field", this.field, "message", getMessage())));
	}
}
