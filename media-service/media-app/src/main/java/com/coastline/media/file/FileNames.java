package com.coastline.media.file;

import java.text.Normalizer;

/**
 * The uploaded file's name, kept as display metadata only: it never becomes a path or an object key
 * (the store chooses random keys). Still cleaned, because it is shown to people and sent back in
 * {@code Content-Disposition}: the last path segment only, no control or reserved characters, no
 * leading dots, at most 255 characters.
 */
public final class FileNames {

	private static final int MAX_LENGTH = 255;

	private FileNames() {
	}

	/**
	 * @param original the name the client sent, possibly null, with directories, "../" or control characters
	 * @param fallback the name to use when nothing usable is left, e.g. "photo"
	 */
	public static String sanitise(String original, String fallback) {
		if (original == null) {
			return fallback;
		}
		String name = Normalizer.normalize(original, Normalizer.Form.NFC);
		int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
		name = name.substring(slash + 1);
		StringBuilder cleaned = new StringBuilder(name.length());
		name.codePoints().forEach((c) -> {
			if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || "<>:\"|?*".indexOf(c) >= 0) {
				cleaned.append('_');
			}
			else {
				cleaned.appendCodePoint(c);
			}
		});
		String result = cleaned.toString().strip();
		while (result.startsWith(".")) {
			result = result.substring(1);
		}
		result = result.strip();
		if (result.isEmpty()) {
			return fallback;
		}
		return truncate(result);
	}

	private static String truncate(String name) {
		if (name.length() <= MAX_LENGTH) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String extension = (dot > 0 && name.length() - dot <= 10) ? name.substring(dot) : "";
		int end = MAX_LENGTH - extension.length();
		if (Character.isHighSurrogate(name.charAt(end - 1))) {
			end--;
		}
		return name.substring(0, end) + extension;
	}
}
