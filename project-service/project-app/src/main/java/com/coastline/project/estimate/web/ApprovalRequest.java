package com.coastline.project.estimate.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The client approves an estimate. The portal gateway relays the client's IP address and user agent,
 * which become part of the approval evidence.
 *
 * @param version the number of the version the client was shown and approves; 409 if it is no longer
 * the current one
 * @param signedName the client's full name, typed as signature: 2 to 200 characters once trimmed, one line
 * @param ip the client's IP address (IPv4 or IPv6), at most 45 characters
 * @param userAgent the client's user agent, at most 512 characters, one line; optional
 */
record ApprovalRequest(@NotNull @Min(1) Integer version,
		@NotNull @SignedName String signedName,
		@NotBlank @Size(max = 45) @Pattern(regexp = Text.IP_ADDRESS, message = Text.IP_ADDRESS_MESSAGE) String ip,
		@Size(max = 512) @Pattern(regexp = Text.SINGLE_LINE, message = Text.SINGLE_LINE_MESSAGE) String userAgent) {
}
