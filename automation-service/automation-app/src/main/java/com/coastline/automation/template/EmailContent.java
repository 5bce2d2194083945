package com.coastline.automation.template;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.web.util.HtmlUtils;

/**
 * The HTML part of a plain-text email: the text escaped (the contractor's text is never markup), blank lines
 * separating paragraphs, single line breaks kept as {@code <br>}. Applied to a template's source, it leaves
 * the {@code {{name}}} tags alone (names hold no character HTML escapes).
 */
final class EmailContent {

	private EmailContent() {
	}

	static String html(String text) {
		String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
		return Arrays.stream(normalized.split("\n[ \t]*\n"))
			.map(String::strip)
			.filter(paragraph -> !paragraph.isEmpty())
			.map(paragraph -> "<p>" + escape(paragraph).replace("\n", "<br>\n") + "</p>")
			.collect(Collectors.joining("\n"));
	}

	static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}
}
