package com.coastline.project.estimate.web;

import java.math.BigDecimal;

import com.coastline.project.estimate.EstimateLineItem;

/**
 * One line of a version, with its amounts in minor units of the estimate's currency. Rounding: the
 * net (quantity × unit price) and the tax (net × rate) are each rounded half-up to a whole minor unit,
 * per line; the version's totals are the sums of its lines.
 *
 * @param lineNumber from 1, in order
 * @param description what is quoted
 * @param quantity the quantity, three fraction digits
 * @param unitPriceMinor price of one unit, tax excluded
 * @param taxRateBasisPoints the tax rate in basis points
 * @param netMinor quantity × unit price, rounded half-up
 * @param taxMinor net × tax rate, rounded half-up
 * @param totalMinor net + tax
 */
record LineItemResponse(int lineNumber, String description, BigDecimal quantity, long unitPriceMinor,
		int taxRateBasisPoints, long netMinor, long taxMinor, long totalMinor) {

	static LineItemResponse of(EstimateLineItem item) {
		return new LineItemResponse(item.getLineNumber(), item.getDescription(),
				BigDecimal.valueOf(item.getQuantityThousandths(), 3), item.getUnitPriceMinor(),
				item.getTaxRateBasisPoints(), item.getNetMinor(), item.getTaxMinor(), item.getTotalMinor());
	}
}
