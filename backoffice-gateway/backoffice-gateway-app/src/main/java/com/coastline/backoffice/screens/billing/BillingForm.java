package com.coastline.backoffice.screens.billing;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import com.coastline.backoffice.screens.ServiceProblem;

/**
 * The new estimate and new invoice forms as typed: currency, title, notes, a date (the estimate's valid-until, the
 * invoice's due date) and a fixed number of line rows (adding a row needs no JavaScript: blank rows are left out).
 * Amounts are typed as a person writes them (unit price {@code 1,250.00} in the currency's major unit, tax rate
 * {@code 8.25} in percent, quantity up to three decimals) and turned into project-service's integers (minor units,
 * basis points) here; what is not a number of that kind is refused by its field before anything is sent.
 *
 * @param currency the ISO 4217 code, upper case
 * @param title the title
 * @param notes the notes for the client
 * @param date the valid-until or due date ({@code yyyy-MM-dd}), or empty
 * @param rows the line rows, blank ones included
 */
public record BillingForm(String currency, String title, String notes, String date, List<Row> rows) {

	/** The rows a new form shows. */
	static final int ROWS = 5;

	/** project-service's limit. */
	static final int MAX_ROWS = 100;

	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

	/** Commas only as thousands separators ({@code 1,250.00}); {@code 1,5} is not read as 15. */
	private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d*)?");

	private static final Pattern SERVICE_LINE_FIELD = Pattern.compile("lineItems\\[(\\d+)]\\.(\\w+)");

	/** An empty form in the workspace's currency. */
	static BillingForm empty(String currency) {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < ROWS; i++) {
			rows.add(Row.BLANK);
		}
		return new BillingForm(currency, "", "", "", rows);
	}

	/**
	 * An estimate's version as the edit form shows it: its lines as a person types them ({@code 1250.00} in the
	 * currency's major unit, {@code 8.25} percent), then blank rows to add lines (at least {@link #ROWS} rows).
	 */
	static BillingForm of(Billing.Estimate.Version version, String currency) {
		int digits;
		try {
			digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			digits = 0;
		}
		List<Row> rows = new ArrayList<>();
		if (version.lineItems() != null) {
			for (Billing.Line line : version.lineItems()) {
				rows.add(new Row(Objects.toString(line.description(), ""), line.quantityLabel(),
						BigDecimal.valueOf(line.unitPriceMinor(), digits).toPlainString(),
						BigDecimal.valueOf(line.taxRateBasisPoints(), 2).stripTrailingZeros().toPlainString()));
			}
		}
		rows.add(Row.BLANK);
		while (rows.size() < ROWS) {
			rows.add(Row.BLANK);
		}
		return new BillingForm(Objects.toString(currency, ""), Objects.toString(version.title(), ""),
				Objects.toString(version.notes(), ""),
				(version.validUntil() != null) ? version.validUntil().toString() : "", rows);
	}

	/**
	 * A draft invoice as its edit form shows it: filled like an estimate's version ({@link #of(Billing.Estimate.Version,
	 * String)}), its due date as the date.
	 */
	static BillingForm of(Billing.Invoice invoice) {
		return of(new Billing.Estimate.Version(0, invoice.status(), invoice.title(), invoice.notes(), invoice.dueDate(),
				invoice.lineItems(), invoice.subtotalMinor(), invoice.taxMinor(), invoice.totalMinor(), null, null, null),
				invoice.currency());
	}

	/** This form in another currency (an estimate's currency is fixed when it is created). */
	BillingForm inCurrency(String fixed) {
		return new BillingForm(fixed, this.title, this.notes, this.date, this.rows);
	}

	/** The form as the browser sent it; the repeated row fields are read in their order, blank ones included. */
	static BillingForm of(HttpServletRequest request, String dateField) {
		String[] descriptions = values(request, "description");
		String[] quantities = values(request, "quantity");
		String[] prices = values(request, "unitPrice");
		String[] rates = values(request, "taxRate");
		// Not capped: more than MAX_ROWS lines is refused by body(), never cut off silently.
		int count = Math.max(Math.max(descriptions.length, quantities.length), Math.max(prices.length, rates.length));
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			rows.add(new Row(at(descriptions, i), at(quantities, i), at(prices, i), at(rates, i)));
		}
		while (rows.size() < ROWS) {
			rows.add(Row.BLANK);
		}
		return new BillingForm(single(request, "currency").toUpperCase(Locale.ROOT), single(request, "title"),
				single(request, "notes"), single(request, dateField), rows);
	}

	/**
	 * The request body's common part ({@code currency, title, notes, lineItems}), or the errors by field
	 * ({@code currency}, {@code title}, {@code lineItems}, {@code row3.unitPrice}, …) in {@code errors}.
	 */
	Map<String, Object> body(Map<String, String> errors) {
		int digits = fractionDigits(errors);
		List<Map<String, Object>> lines = new ArrayList<>();
		for (int i = 0; i < this.rows.size(); i++) {
			Row row = this.rows.get(i);
			if (row.isBlank()) {
				continue;
			}
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("description", row.description());
			line.put("quantity", decimal(row.quantity(), 3, "row" + i + ".quantity",
					"Enter a quantity like 1 or 2.5 (at most three decimals).", errors));
			BigDecimal price = decimal(withoutGrouping(row.unitPrice()), Math.max(digits, 0), "row" + i + ".unitPrice",
					(digits == 0) ? "Enter a whole amount like 1250." : "Enter an amount like 1250.00.", errors);
			line.put("unitPriceMinor", (price != null && digits >= 0) ? price.movePointRight(digits).longValueExact() : null);
			BigDecimal rate = row.taxRate().isEmpty() ? BigDecimal.ZERO
					: decimal(row.taxRate().replace("%", "").strip(), 2, "row" + i + ".taxRate",
							"Enter a rate in percent like 8.25 (or leave it empty for none).", errors);
			line.put("taxRateBasisPoints", (rate != null) ? rate.movePointRight(2).intValueExact() : null);
			lines.add(line);
		}
		if (lines.isEmpty()) {
			errors.put("lineItems", "Add at least one line.");
		}
		else if (lines.size() > MAX_ROWS) {
			errors.put("lineItems", "At most " + MAX_ROWS + " lines.");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("currency", this.currency);
		body.put("title", this.title);
		body.put("notes", this.notes.isEmpty() ? null : this.notes);
		body.put("lineItems", lines);
		return body;
	}

	/** The date, or null when empty; {@code errors} gets the field's message when it is not a day. */
	LocalDate day(String field, Map<String, String> errors) {
		if (this.date.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(this.date);
		}
		catch (DateTimeException ex) {
			errors.put(field, "Enter the day as YYYY-MM-DD.");
			return null;
		}
	}

	/**
	 * project-service's refusal by this form's fields: {@code lineItems[k].unitPriceMinor} names the k-th line sent,
	 * which is the form's k-th row that is not blank.
	 */
	Map<String, String> errorsOf(ServiceProblem problem, String dateField, String serviceDateField) {
		Map<String, String> errors = new LinkedHashMap<>();
		problem.fieldErrors().forEach((field, message) -> {
			Matcher line = SERVICE_LINE_FIELD.matcher(field);
			if (line.matches()) {
				int row = rowOfLine(Integer.parseInt(line.group(1)));
				String column = switch (line.group(2)) {
					case "unitPriceMinor" -> "unitPrice";
					case "taxRateBasisPoints" -> "taxRate";
					default -> line.group(2);
				};
				errors.putIfAbsent((row >= 0) ? "row" + row + "." + column : "lineItems", message);
			}
			else if (field.startsWith("lineItems")) {
				errors.putIfAbsent("lineItems", message);
			}
			else {
				errors.putIfAbsent(field.equals(serviceDateField) ? dateField : field, message);
			}
		});
		return errors;
	}

	/** Whether one of these errors is by a field of this form (otherwise the page shows the problem's message). */
	static boolean byField(Map<String, String> errors, String dateField) {
		return errors.keySet()
			.stream()
			.anyMatch((field) -> field.startsWith("row") || List.of("currency", "title", "notes", "lineItems", dateField)
				.contains(field));
	}

	private int rowOfLine(int line) {
		int seen = -1;
		for (int i = 0; i < this.rows.size(); i++) {
			if (!this.rows.get(i).isBlank() && ++seen == line) {
				return i;
			}
		}
		return -1;
	}

	/** The currency's decimals, or -1 (and the field's message) when it is not a currency with minor units. */
	private int fractionDigits(Map<String, String> errors) {
		if (CURRENCY.matcher(this.currency).matches()) {
			try {
				int digits = Currency.getInstance(this.currency).getDefaultFractionDigits();
				if (digits >= 0) {
					return digits;
				}
			}
			catch (IllegalArgumentException ex) {
				// Not a currency: refused below.
			}
		}
		errors.put("currency", "Enter a currency code like USD or EUR.");
		return -1;
	}

	/**
	 * An amount typed as a person writes it ({@code 1,250.00}) in the currency's minor units, or null when it is
	 * not one (more decimals than the currency has, a comma that is not a thousands separator, a negative number).
	 */
	static Long minorUnits(String typed, String currency) {
		int digits;
		try {
			digits = Currency.getInstance(currency).getDefaultFractionDigits();
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return null;
		}
		BigDecimal amount = decimal(withoutGrouping(typed), Math.max(digits, 0), "amount", "", new LinkedHashMap<>());
		return (amount != null && digits >= 0) ? amount.movePointRight(digits).longValueExact() : null;
	}

	private static String withoutGrouping(String value) {
		String amount = value.strip();
		return GROUPED.matcher(amount).matches() ? amount.replace(",", "") : amount;
	}

	/**
	 * A plain decimal with at most {@code maxScale} decimals as typed ({@code 1.000} in a currency with two is
	 * refused rather than read as 1), not negative, not in exponent form.
	 */
	private static BigDecimal decimal(String value, int maxScale, String field, String message,
			Map<String, String> errors) {
		try {
			String plain = value.strip();
			if (!plain.matches("\\d+(\\.\\d*)?|\\.\\d+")) {
				throw new NumberFormatException(value);
			}
			BigDecimal typed = new BigDecimal(plain);
			if (typed.scale() > maxScale || typed.precision() - typed.scale() > 12) {
				throw new NumberFormatException(value);
			}
			BigDecimal number = typed.stripTrailingZeros();
			return (number.scale() < 0) ? number.setScale(0) : number;
		}
		catch (NumberFormatException | ArithmeticException ex) {
			errors.put(field, message);
			return null;
		}
	}

	private static String[] values(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		return (values != null) ? values : new String[0];
	}

	private static String at(String[] values, int index) {
		return (index < values.length && values[index] != null) ? values[index].strip() : "";
	}

	private static String single(HttpServletRequest request, String name) {
		String value = request.getParameter(name);
		return (value != null) ? value.strip() : "";
	}

	/**
	 * A line row as typed.
	 *
	 * @param description what the line is for
	 * @param quantity how many (up to three decimals)
	 * @param unitPrice the price of one, in the currency's major unit
	 * @param taxRate the tax rate in percent, or empty for none
	 */
	public record Row(String description, String quantity, String unitPrice, String taxRate) {

		static final Row BLANK = new Row("", "", "", "");

		/** A row with nothing typed in it is left out. */
		public boolean isBlank() {
			return this.description.isEmpty() && this.quantity.isEmpty() && this.unitPrice.isEmpty()
					&& this.taxRate.isEmpty();
		}
	}
}
