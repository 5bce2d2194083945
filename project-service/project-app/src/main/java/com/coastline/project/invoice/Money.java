package com.coastline.project.invoice;

import java.math.BigDecimal;

import com.coastline.project.estimate.Currencies;

/** Amounts in minor units, shown to people (timeline summaries). */
final class Money {

	private Money() {
	}

	/** 123456 USD → "1234.56 USD"; 5000 JPY → "5000 JPY". */
	static String format(long amountMinor, String currency) {
		return BigDecimal.valueOf(amountMinor, Currencies.fractionDigits(currency)).toPlainString() + " " + currency;
	}
}
