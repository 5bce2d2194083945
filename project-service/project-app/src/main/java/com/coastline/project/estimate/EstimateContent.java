package com.coastline.project.estimate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the contractor writes in one version of an estimate. The web layer validates the bounds (and
 * names the fields); these checks keep the aggregate consistent whoever calls it.
 *
 * @param title one line, at most 200 characters
 * @param notes free text for the client, or null
 * @param validUntil the last day the client can approve, or null when it does not expire
 * @param lineItems at most {@link #MAX_LINE_ITEMS}; a draft may have none, a sent version has some
 */
public record EstimateContent(String title, String notes, LocalDate validUntil, List<Line> lineItems) {

	public static final int MAX_LINE_ITEMS = 100;

	/** One million units, in thousandths. */
	public static final long MAX_QUANTITY_THOUSANDTHS = 1_000_000_000L - 1;

	/** 100 million in major units of a two-digit currency; keeps every sum far inside a long. */
	public static final long MAX_UNIT_PRICE_MINOR = 10_000_000_000L;

	/** 100 %. */
	public static final int MAX_TAX_RATE_BASIS_POINTS = 10_000;

	public EstimateContent {
		// trim(), like @NotBlank: what the web layer accepts as not blank is never blank here.
		title = Objects.requireNonNull(title, "title").trim();
		if (title.isEmpty()) {
			throw new IllegalArgumentException("title is blank");
		}
		notes = (notes == null || notes.isBlank()) ? null : notes.strip();
		lineItems = List.copyOf(lineItems);
		if (lineItems.size() > MAX_LINE_ITEMS) {
			throw new IllegalArgumentException("more than " + MAX_LINE_ITEMS + " line items");
		}
	}

	/**
	 * A line as entered.
	 *
	 * @param description what is quoted, one line
	 * @param quantityThousandths the quantity in thousandths (1.5 m² is 1500), positive
	 * @param unitPriceMinor the price of one unit, tax excluded, in minor units of the currency
	 * @param taxRateBasisPoints the tax rate in basis points (8.25 % is 825), 0 to 10000
	 */
	public record Line(String description, long quantityThousandths, long unitPriceMinor, int taxRateBasisPoints) {

		public Line {
			description = Objects.requireNonNull(description, "description").trim();
			if (description.isEmpty()) {
				throw new IllegalArgumentException("description is blank");
			}
			if (quantityThousandths <= 0 || quantityThousandths > MAX_QUANTITY_THOUSANDTHS) {
				throw new IllegalArgumentException("quantity out of range");
			}
			if (unitPriceMinor < 0 || unitPriceMinor > MAX_UNIT_PRICE_MINOR) {
				throw new IllegalArgumentException("unit price out of range");
			}
			if (taxRateBasisPoints < 0 || taxRateBasisPoints > MAX_TAX_RATE_BASIS_POINTS) {
				throw new IllegalArgumentException("tax rate out of range");
			}
		}

		/**
		 * The line's amount before tax: quantity × unit price, rounded half-up to a whole minor unit.
		 * Exact arithmetic (no floating point); the bounds keep the result within a long.
		 */
		public long netMinor() {
			return BigDecimal.valueOf(this.quantityThousandths)
				.multiply(BigDecimal.valueOf(this.unitPriceMinor))
				.divide(BigDecimal.valueOf(1000), 0, RoundingMode.HALF_UP)
				.longValueExact();
		}

		/** The line's tax: net × rate, rounded half-up to a whole minor unit (per line, not on the total). */
		public long taxMinor() {
			return BigDecimal.valueOf(netMinor())
				.multiply(BigDecimal.valueOf(this.taxRateBasisPoints))
				.divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP)
				.longValueExact();
		}
	}
}
