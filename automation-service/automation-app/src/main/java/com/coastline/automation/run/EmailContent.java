package com.coastline.automation.run;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.web.util.HtmlUtils;

/**
 * The HTML part of an automation's plain-text email: the text escaped (the contractor's text is never
 * markup), blank lines separating paragraphs, single line breaks kept as {@code <br>}.
 */
final class EmailContent {

	private EmailContent() {
	}

	static String html(String text) {
		String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
		return Arrays.stream(normalized.split("\n[ \t]*\n"))
			.map(String::strip)
			.filter(paragraph -> !paragraph.isEmpty())
			.map(paragraph -> "<p>" + HtmlUtils.htmlEscape(paragraph, "UTF-8").replace("\n", "<br>\n") + "</p>")
			.collect(Collectors.joining("\n"));
	}
}
