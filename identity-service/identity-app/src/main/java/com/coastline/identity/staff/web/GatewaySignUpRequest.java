package com.coastline.identity.staff.web;

import com.coastline.identity.workspace.web.CurrencyCode;
import com.coastline.identity.workspace.web.TimeZoneId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A contractor business signing up on the back-office gateway's public page, as the gateway relays it: the
 * fields of {@link SignUpRequest} and the browser it came from.
 *
 * @param workspaceName the business name shown to clients
 * @param timeZone IANA time zone id, e.g. {@code America/Denver}
 * @param currency ISO 4217 code, e.g. {@code USD}
 * @param ownerEmail the owner's email, with which they sign in; stored trimmed and in lower case
 * @param ownerName the owner's name, one line
 * @param ip the browser's IP address (the per-IP sign-up limit, the audit)
 * @param userAgent the browser's user agent (the audit)
 */
record GatewaySignUpRequest(@NotBlank @Size(max = 200) String workspaceName, @NotBlank @TimeZoneId String timeZone,
		@NotBlank @CurrencyCode String currency, @NotBlank @SingleEmailAddress String ownerEmail,
		@NotBlank @Size(max = 200) @Pattern(regexp = StaffInvitation.SINGLE_LINE,
				message = StaffInvitation.SINGLE_LINE_MESSAGE) String ownerName,
		@Size(max = 64) String ip, String userAgent) {
}
