package com.coastline.backoffice.screens;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Amounts in minor units, as the services keep them, for a person to read ("EUR 1,234.50"). */
public final class Money {

	private Money() {
	}

	public static String format(long minor, String currencyCode) {
		int digits = 2;
		try {
			digits = Math.max(0, Currency.getInstance(currencyCode).getDefaultFractionDigits());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			// An unknown code still reads as an amount with two decimals.
		}
		NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return ((currencyCode != null) ? currencyCode + " " : "") + format.format(BigDecimal.valueOf(minor, digits));
	}
}
