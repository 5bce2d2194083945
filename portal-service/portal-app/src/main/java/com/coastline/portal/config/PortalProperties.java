package com.coastline.portal.config;

import java.net.URI;

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
 */
@Validated
@ConfigurationProperties("coastline.portal")
public record PortalProperties(@NotNull URI publicBaseUrl, @NotNull URI identityUrl,
		@DefaultValue @Valid @NotNull Logo logo) {

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
