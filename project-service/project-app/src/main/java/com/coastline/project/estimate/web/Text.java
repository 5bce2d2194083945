package com.coastline.project.estimate.web;

/** The shapes of text the estimate APIs accept. */
final class Text {

	/** Titles, descriptions and names end up in emails and PDFs: no control characters or line breaks. */
	static final String SINGLE_LINE = "[^\\p{Cc}\\p{Zl}\\p{Zp}]*";

	static final String SINGLE_LINE_MESSAGE = "must be a single line of text";

	/**
	 * Notes and client messages may span lines, but carry no other control characters. One character
	 * class (a union), not an alternation, which would recurse once per character and overflow the stack
	 * on long texts.
	 */
	static final String MULTI_LINE = "[\\r\\n\\t[^\\p{Cc}]]*";

	static final String MULTI_LINE_MESSAGE = "must be text without control characters";

	/** An IPv4 address, or an IPv6 one (possibly with an embedded IPv4 part), as the gateway relays it. */
	static final String IP_ADDRESS = "(?:\\d{1,3}(?:\\.\\d{1,3}){3})|(?:[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]{1,43})";

	static final String IP_ADDRESS_MESSAGE = "must be an IPv4 or IPv6 address";

	private Text() {
	}
}
