package com.coastline.project.contact;

import java.util.Objects;

/**
 * What staff enter about a contact, normalised: names trimmed, email normalised
 * ({@link EmailAddresses}), a blank phone number is none.
 *
 * @param firstName first name
 * @param lastName last name
 * @param email one email address
 * @param phone phone number, or null
 */
public record ContactDetails(String firstName, String lastName, String email, String phone) {

	public ContactDetails {
		firstName = requireText(firstName, "firstName");
		lastName = requireText(lastName, "lastName");
		email = EmailAddresses.normalise(email);
		if (!EmailAddresses.isValid(email)) {
			throw new IllegalArgumentException("email is not one valid address");
		}
		phone = (phone == null || phone.isBlank()) ? null : phone.trim();
	}

	private static String requireText(String value, String name) {
		String trimmed = Objects.requireNonNull(value, name).trim();
		if (trimmed.isEmpty()) {
			throw new IllegalArgumentException(name + " is blank");
		}
		return trimmed;
	}
}
