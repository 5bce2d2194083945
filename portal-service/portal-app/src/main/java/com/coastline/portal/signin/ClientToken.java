package com.coastline.portal.signin;

import java.time.Instant;
import java.util.UUID;

/**
 * A short-lived client JWT (at most 60 s) for the portal's calls to other services; it never reaches the browser.
 *
 * @param accessToken the JWT, for an {@code Authorization: Bearer} header
 * @param workspaceId its {@code wid}
 * @param contactId its {@code sub}
 * @param expiresAt its {@code exp}
 */
public record ClientToken(String accessToken, UUID workspaceId, UUID contactId, Instant expiresAt) {

	@Override
	public String toString() {
		return "ClientToken[workspaceId=" + this.workspaceId + ", contactId=" + this.contactId + "]";
	}
}
