package com.coastline.notification.delivery;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Checks and masks email addresses. Addresses never appear in logs, events or problems in clear. */
public final class EmailAddresses {

	private static final int MAX_LENGTH = 254;

	private static final Pattern ANY_ADDRESS = Pattern.compile("([A-Za-z0-9._%+'=-]+)@([A-Za-z0-9.-]+)");

	private EmailAddresses() {
	}

	/**
	 * Whether the value is exactly one bare address ({@code dana@example.com}): no display name, no list,
	 * no whitespace or control characters that could inject headers.
	 */
	public static boolean isSingleAddress(String value) {
		if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
			return false;
		}
		if (value.chars().anyMatch(c -> c <= ' ' || c >= 0x7f || ",;<>\"()[]\\".indexOf(c) >= 0)) {
			return false;
		}
		int at = value.indexOf('@');
		if (at <= 0 || at != value.lastIndexOf('@') || at == value.length() - 1) {
			return false;
		}
		try {
			InternetAddress address = new InternetAddress(value, true);
			address.validate();
			return value.equals(address.getAddress()) && address.getPersonal() == null;
		}
		catch (AddressException ex) {
			return false;
		}
	}

	/** {@code dana.reyes@example.com} → {@code d***@example.com}. */
	public static String mask(String address) {
		if (address == null) {
			return null;
		}
		int at = address.lastIndexOf('@');
		if (at <= 0) {
			return "***";
		}
		return address.charAt(0) + "***" + address.substring(at);
	}

	/** The text with every address in it masked, e.g. an SMTP server's reply that echoes the recipient. */
	public static String maskAll(String text) {
		if (text == null) {
			return null;
		}
		Matcher matcher = ANY_ADDRESS.matcher(text);
		StringBuilder masked = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(masked, Matcher.quoteReplacement(mask(matcher.group())));
		}
		matcher.appendTail(masked);
		return masked.toString();
	}
}
