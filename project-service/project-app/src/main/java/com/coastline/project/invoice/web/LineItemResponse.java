package com.coastline.project.invoice.web;

import java.math.BigDecimal;

import com.coastline.project.invoice.InvoiceLineItem;

/** A line of an invoice: the quantity as a decimal, amounts in minor units of the invoice's currency. */
record LineItemResponse(int lineNumber, String description, BigDecimal quantity, long unitPriceMinor,
		int taxRateBasisPoints, long netMinor, long taxMinor, long totalMinor) {

	static LineItemResponse of(InvoiceLineItem item) {
		return new LineItemResponse(item.getLineNumber(), item.getDescription(),
				BigDecimal.valueOf(item.getQuantityThousandths(), 3).stripTrailingZeros(), item.getUnitPriceMinor(),
				item.getTaxRateBasisPoints(), item.getNetMinor(), item.getTaxMinor(), item.getTotalMinor());
	}
}
