package com.coastline.project.estimate;

import java.util.Objects;
import java.util.UUID;

/**
 * A client's approval signature: the contact signed in, the full name they typed, and where they typed
 * it from (as relayed by the portal gateway).
 *
 * @param contactId the signed-in contact
 * @param signedName the typed full name, trimmed, 2 to 200 characters
 * @param ip the client's IP address
 * @param userAgent the client's user agent, or null when the browser sent none
 */
public record Signature(UUID contactId, String signedName, String ip, String userAgent) {

	public static final int MIN_NAME_LENGTH = 2;

	public static final int MAX_NAME_LENGTH = 200;

	public Signature {
		Objects.requireNonNull(contactId, "contactId");
		signedName = Objects.requireNonNull(signedName, "signedName").strip();
		if (signedName.length() < MIN_NAME_LENGTH || signedName.length() > MAX_NAME_LENGTH) {
			throw new IllegalArgumentException("signedName must be 2 to 200 characters");
		}
		ip = Objects.requireNonNull(ip, "ip").strip();
		userAgent = (userAgent == null || userAgent.isBlank()) ? null : userAgent.strip();
	}
}
