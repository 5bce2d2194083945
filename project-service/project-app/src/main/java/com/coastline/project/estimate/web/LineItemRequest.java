package com.coastline.project.estimate.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.coastline.project.estimate.EstimateContent;

/**
 * One line of an estimate as the contractor enters it.
 *
 * @param description what is quoted, one line, at most 500 characters
 * @param quantity a positive decimal with at most 6 integer and 3 fraction digits (stored as thousandths)
 * @param unitPriceMinor the price of one unit, tax excluded, in whole minor units of the estimate's
 * currency (cents for USD), 0 to 10,000,000,000
 * @param taxRateBasisPoints the tax rate in whole basis points (8.25 % is 825), 0 to 10000
 */
record LineItemRequest(
		@NotBlank @Size(max = 500) @Pattern(regexp = Text.SINGLE_LINE, message = Text.SINGLE_LINE_MESSAGE) String description,
		@NotNull @Positive @Digits(integer = 6, fraction = 3) BigDecimal quantity,
		@NotNull @PositiveOrZero @DecimalMax(MAX_UNIT_PRICE) @Digits(integer = 11, fraction = 0,
				message = WHOLE_NUMBER) BigDecimal unitPriceMinor,
		@NotNull @PositiveOrZero @DecimalMax(MAX_TAX_RATE) @Digits(integer = 5, fraction = 0,
				message = WHOLE_NUMBER) BigDecimal taxRateBasisPoints) {

	// Amounts are read as decimals and refused unless whole: read as integers, 19.99 would silently become 19.
	static final String WHOLE_NUMBER = "must be a whole number";

	static final String MAX_UNIT_PRICE = "" + EstimateContent.MAX_UNIT_PRICE_MINOR;

	static final String MAX_TAX_RATE = "" + EstimateContent.MAX_TAX_RATE_BASIS_POINTS;

	EstimateContent.Line toLine() {
		// Exact: @Digits allows at most three fraction digits.
		long thousandths = this.quantity.movePointRight(3).longValueExact();
		return new EstimateContent.Line(this.description, thousandths, this.unitPriceMinor.longValueExact(),
				this.taxRateBasisPoints.intValueExact());
	}
}
