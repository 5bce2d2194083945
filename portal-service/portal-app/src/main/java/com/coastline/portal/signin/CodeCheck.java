package com.coastline.portal.signin;

import java.util.List;
import java.util.UUID;

/**
 * A right code: either a session (one contact has the email) or the contacts to choose from.
 *
 * @param session the session, or null when the client must choose
 * @param contacts the contacts with the email, when several
 */
public record CodeCheck(SignedIn session, List<Contact> contacts) {

	/**
	 * @param contactId the contact
	 * @param firstName first name
	 * @param lastName last name
	 */
	public record Contact(UUID contactId, String firstName, String lastName) {
	}
}
