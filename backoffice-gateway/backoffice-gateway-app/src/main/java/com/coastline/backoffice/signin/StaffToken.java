package com.coastline.backoffice.signin;

import java.time.Instant;
import java.util.UUID;

/**
 * A short-lived staff JWT (at most 60 s) for the gateway's calls on the staff member's behalf; it never reaches
 * the browser.
 *
 * @param accessToken the JWT, for an {@code Authorization: Bearer} header
 * @param workspaceId its {@code wid}
 * @param staffId its {@code sub}
 * @param email its {@code email}: the member's address
 * @param expiresAt its {@code exp}
 */
public record StaffToken(String accessToken, UUID workspaceId, UUID staffId, String email, Instant expiresAt) {

	@Override
	public String toString() {
		return "StaffToken[workspaceId=" + this.workspaceId + ", staffId=" + this.staffId + "]";
	}
}
