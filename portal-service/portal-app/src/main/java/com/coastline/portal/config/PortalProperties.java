package com.coastline.portal.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * portal-service's settings.
 *
 * @param publicBaseUrl where clients reach the portal; public asset URLs (the logo) are built from it, never
 * from a request's {@code Host}
 * @param identityUrl identity-service, which issues the clients' one-tap links
 * @param logo how uploaded logos are checked and re-encoded
 * @param addressCache how long a replica keeps what it read about a portal address (whose portal, open or
 * closed, its branding) before reading it again: every client page needs it. A change through this replica
 * clears it at once; another replica's change shows here within this time. {@code 0s} reads it every time.
 */
@Validated
@ConfigurationProperties("coastline.portal")
public record PortalProperties(@NotNull URI publicBaseUrl, @NotNull URI identityUrl,
		@DefaultValue @Valid @NotNull Logo logo, @DefaultValue("5s") @NotNull Duration addressCache) {

	/**
	 * @param maxPixels images with more pixels are refused (decoding memory grows with pixels, not bytes)
	 * @param maxEdge the re-encoded logo fits in a square of this edge, in pixels (never enlarged)
	 */
	public record Logo(@DefaultValue("25000000") @Positive long maxPixels, @DefaultValue("1024") @Positive int maxEdge) {
	}

	/** The base URL without a trailing slash. */
	public String publicBase() {
		String base = this.publicBaseUrl.toString();
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}
}
