package com.coastline.identity.staff;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one form in which a staff member's email is stored and compared: trimmed, lower case, exactly one
 * plain address. Staff sign in with it, and it goes into email headers, so anything beyond a plain
 * address is refused with a reason the caller can act on.
 */
public final class EmailAddresses {

	/** RFC 5321's limit on a forward path. */
	public static final int MAX_LENGTH = 254;

	private static final int MAX_LOCAL_PART_LENGTH = 64;

	/*
	 * A dot-atom local part and a domain of DNS labels ending in a letters-only top-level label. Display
	 * names, quoted local parts, comments, IP literals and whitespace are refused on purpose.
	 */
	private static final Pattern ADDRESS = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
			+ "@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

	/** CR, LF and other control characters: how header injection gets into a message. */
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}]");

	private EmailAddresses() {
	}

	/** Trimmed and lower case; {@code null} stays {@code null}. */
	public static String normalise(String email) {
		return (email != null) ? email.strip().toLowerCase(Locale.ROOT) : null;
	}

	/**
	 * Why an email is not exactly one plain address once normalised, or empty when it is.
	 * @param email as entered (it is normalised first)
	 * @return a reason that can be shown to the caller
	 */
	public static Optional<String> problem(String email) {
		String normalised = normalise(email);
		if (normalised == null || normalised.isEmpty()) {
			return Optional.of("must not be blank");
		}
		if (CONTROL.matcher(normalised).find()) {
			return Optional.of("must be one line, without line breaks or control characters");
		}
		if (normalised.indexOf(',') >= 0 || normalised.indexOf(';') >= 0 || normalised.indexOf('@') != normalised.lastIndexOf('@')) {
			return Optional.of("must be one email address, not a list");
		}
		if (normalised.indexOf('<') >= 0 || normalised.indexOf('>') >= 0 || normalised.indexOf('"') >= 0
				|| normalised.chars().anyMatch(Character::isWhitespace)) {
			return Optional.of("must be a plain address without a display name, like name@example.com");
		}
		if (normalised.length() > MAX_LENGTH) {
			return Optional.of("must be at most " + MAX_LENGTH + " characters");
		}
		int at = normalised.indexOf('@');
		if (at <= 0 || at > MAX_LOCAL_PART_LENGTH || !ADDRESS.matcher(normalised).matches()) {
			return Optional.of("must be an email address like name@example.com");
		}
		return Optional.empty();
	}

	/**
	 * The normalised form of a valid email.
	 * @throws InvalidEmailAddress when it is not exactly one plain address
	 */
	public static String require(String email) {
		problem(email).ifPresent(problem -> {
			throw new InvalidEmailAddress(problem);
		});
		return normalise(email);
	}
}
