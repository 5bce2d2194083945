package com.coastline.project.invoice.web;

import java.math.BigDecimal;

import com.coastline.project.estimate.EstimateContent;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * One line of an invoice written by hand, with the same bounds and calculation as an estimate's line.
 *
 * @param description what is billed, one line, at most 500 characters
 * @param quantity a positive decimal with at most 6 integer and 3 fraction digits
 * @param unitPriceMinor the price of one unit, tax excluded, in whole minor units, 0 to 10,000,000,000
 * @param taxRateBasisPoints the tax rate in whole basis points (8.25 % is 825), 0 to 10000
 */
record InvoiceLineRequest(
		@NotBlank @Size(max = 500) @Pattern(regexp = InvoiceText.SINGLE_LINE,
				message = InvoiceText.SINGLE_LINE_MESSAGE) String description,
		@NotNull @Positive @Digits(integer = 6, fraction = 3) BigDecimal quantity,
		@NotNull @PositiveOrZero @DecimalMax(MAX_UNIT_PRICE) @Digits(integer = 11, fraction = 0,
				message = WHOLE_NUMBER) BigDecimal unitPriceMinor,
		@NotNull @PositiveOrZero @DecimalMax(MAX_TAX_RATE) @Digits(integer = 5, fraction = 0,
				message = WHOLE_NUMBER) BigDecimal taxRateBasisPoints) {

	// Read as decimals and refused unless whole: read as integers, 19.99 would silently become 19.
	static final String WHOLE_NUMBER = "must be a whole number";

	static final String MAX_UNIT_PRICE = "" + EstimateContent.MAX_UNIT_PRICE_MINOR;

	static final String MAX_TAX_RATE = "" + EstimateContent.MAX_TAX_RATE_BASIS_POINTS;

	EstimateContent.Line toLine() {
		return new EstimateContent.Line(this.description, this.quantity.movePointRight(3).longValueExact(),
				this.unitPriceMinor.longValueExact(), this.taxRateBasisPoints.intValueExact());
	}
}
