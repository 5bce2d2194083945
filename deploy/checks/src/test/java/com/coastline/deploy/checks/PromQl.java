package com.coastline.deploy.checks;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression selects. Not a full PromQL parser: it removes what cannot be a
 * metric name (string literals, label matchers {@code {...}}, range and subquery brackets {@code [...]},
 * the label lists of {@code by}/{@code without}/{@code on}/{@code ignoring}/{@code group_left}/
 * {@code group_right}, Grafana's {@code $variables}), then keeps the identifiers that are neither a
 * function call, a keyword nor a number. Enough for the expressions of deploy/observability, which
 * {@code PromQlTest} pins down.
 */
final class PromQl {

	private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
			"and", "or", "unless", "bool", "offset", "inf", "nan");

	private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");

	private static final Pattern GROUPING = Pattern
		.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	private PromQl() {
	}

	static Set<String> metricNames(String expression) {
		String text = STRINGS.matcher(expression).replaceAll(" ");
		text = text.replaceAll("\\{[^}]*}", " ");
		text = text.replaceAll("\\[[^]]*]", " ");
		text = GROUPING.matcher(text).replaceAll(" ");
		text = text.replaceAll("\\$\\{?[a-zA-Z_][a-zA-Z0-9_]*}?", " ");
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = IDENTIFIER.matcher(text);
		while (matcher.find()) {
			String name = matcher.group();
			int after = matcher.end();
			while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
				after++;
			}
			boolean call = after < text.length() && text.charAt(after) == '(';
			boolean partOfNumber = matcher.start() > 0 && Character.isDigit(text.charAt(matcher.start() - 1));
			if (!call && !partOfNumber && !KEYWORDS.contains(name.toLowerCase())) {
				names.add(name);
			}
		}
		return names;
	}
}
