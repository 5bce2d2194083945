package com.coastline.project.contact;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one form in which a contact's email is stored, compared and published: trimmed, lower case,
 * and exactly one plain address.
 */
public final class EmailAddresses {

	/** RFC 5321's limit on a forward path. */
	public static final int MAX_LENGTH = 254;

	private static final int MAX_LOCAL_PART_LENGTH = 64;

	/*
	 * A dot-atom local part and a domain of DNS labels ending in a letters-only top-level label. Display
	 * names, quoted local parts, comments, IP literals, whitespace and lists are refused on purpose: the
	 * address is a sign-in identity and goes into email headers, where CR/LF, commas and angle brackets
	 * are how header injection and extra recipients get in.
	 */
	private static final Pattern ADDRESS = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
			+ "@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

	private EmailAddresses() {
	}

	/** Trimmed and lower case; {@code null} stays {@code null}. */
	public static String normalise(String email) {
		return (email != null) ? email.trim().toLowerCase(Locale.ROOT) : null;
	}

	/** Whether a normalised email is exactly one plain address. */
	public static boolean isValid(String normalised) {
		if (normalised == null || normalised.length() > MAX_LENGTH) {
			return false;
		}
		int at = normalised.indexOf('@');
		return at > 0 && at <= MAX_LOCAL_PART_LENGTH && ADDRESS.matcher(normalised).matches();
	}
}
