package com.coastline.identity.workspace.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A contractor business signing up.
 *
 * @param name the business name shown to clients
 * @param timeZone IANA time zone id, e.g. {@code America/Denver}
 * @param currency ISO 4217 code, e.g. {@code USD}
 */
public record NewWorkspace(@NotBlank @Size(max = 200) String name, @NotBlank @TimeZoneId String timeZone,
		@NotBlank @CurrencyCode String currency) {
}
