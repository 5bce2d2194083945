package com.coastline.project.invoice.web;

/** The shapes of text the invoice APIs accept (as the estimate APIs do). */
final class InvoiceText {

	/** Titles, descriptions and references end up in emails and PDFs: no control characters or line breaks. */
	static final String SINGLE_LINE = "[^\\p{Cc}\\p{Zl}\\p{Zp}]*";

	static final String SINGLE_LINE_MESSAGE = "must be a single line of text";

	/** Notes may span lines, but carry no other control characters (one character class, no alternation). */
	static final String MULTI_LINE = "[\\r\\n\\t[^\\p{Cc}]]*";

	static final String MULTI_LINE_MESSAGE = "must be text without control characters";

	private InvoiceText() {
	}
}
