package com.coastline.notification.delivery;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.coastline.notification.api.SecretSealer;

/**
 * The {@code {{secret:name}}} references in an email's subject and content. Deliveries store the content
 * with its references; the values are put in only in memory, when the email is sent.
 */
final class SecretContent {

	/** Lenient on purpose: a reference to a malformed name is found, and then has no secret to match. */
	private static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*secret:([^}]*)}}");

	private SecretContent() {
	}

	/** The names the content refers to, in order; none for null content. */
	static Set<String> references(String content) {
		Set<String> names = new LinkedHashSet<>();
		if (content != null) {
			Matcher reference = REFERENCE.matcher(content);
			while (reference.find()) {
				names.add(reference.group(1).strip());
			}
		}
		return names;
	}

	/**
	 * The content with each reference replaced by its value, passed through {@code encode} (HTML escaping
	 * for HTML). In one pass, so that a value that looks like a reference stays as it is.
	 * @throws SecretSealer.UnreadableSecretException when a referenced secret is not among the values
	 */
	static String fill(String content, Map<String, String> values, UnaryOperator<String> encode) {
		if (content == null) {
			return null;
		}
		return REFERENCE.matcher(content).replaceAll(reference -> {
			String name = reference.group(1).strip();
			String value = values.get(name);
			if (value == null) {
				throw new SecretSealer.UnreadableSecretException("Secret '" + name + "' is missing");
			}
			return Matcher.quoteReplacement(encode.apply(value));
		});
	}
}
