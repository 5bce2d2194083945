package com.coastline.project.estimate;

import java.util.Currency;

/** The currencies an estimate may be in: active ISO 4217 codes with minor units (not gold, not XXX). */
public final class Currencies {

	private Currencies() {
	}

	/** Whether the code is an upper-case ISO 4217 code of a currency with a fixed number of minor units. */
	public static boolean isValid(String code) {
		if (code == null || !code.matches("[A-Z]{3}")) {
			return false;
		}
		return Currency.getAvailableCurrencies()
			.stream()
			.anyMatch(currency -> currency.getCurrencyCode().equals(code) && currency.getDefaultFractionDigits() >= 0);
	}

	/** How many minor units digits the currency has (2 for USD, 0 for JPY, 3 for KWD). */
	public static int fractionDigits(String code) {
		return Currency.getInstance(code).getDefaultFractionDigits();
	}
}
