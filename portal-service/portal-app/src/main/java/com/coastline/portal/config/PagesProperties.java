package com.coastline.portal.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the client's pages ({@code /p/{slug}/…}) and of the gateway's calls to identity-service.
 *
 * @param secureCookies whether the portal is served over TLS (or on {@code localhost}, which browsers treat as
 * secure): cookies then carry {@code Secure} and the {@code __Host-} prefix. Turn off only for plain HTTP on
 * another host.
 * @param gateway the OAuth2 client this service signs clients in with at identity-service
 * @param projectUrl project-service, asked for the client's projects, visits, estimates and invoices
 * @param mediaUrl media-service, asked for the projects' shared photos and documents
 * @param serviceTimeout how long a page waits for each of those calls (connect and answer); a section whose
 * call takes longer is shown as unavailable
 */
@Validated
@ConfigurationProperties("coastline.portal.pages")
public record PagesProperties(@DefaultValue("true") boolean secureCookies, @Valid @NotNull Gateway gateway,
		@DefaultValue("http://localhost:8083") @NotNull URI projectUrl,
		@DefaultValue("http://localhost:8084") @NotNull URI mediaUrl,
		@DefaultValue("600ms") @NotNull Duration serviceTimeout) {

	/**
	 * @param clientId the client id at identity-service (scope {@code gateway})
	 * @param clientSecret its secret
	 */
	public record Gateway(@DefaultValue("portal-gateway") @NotBlank String clientId, @NotBlank String clientSecret) {

		@Override
		public String toString() {
			return "Gateway[clientId=" + this.clientId + "]";
		}
	}

	/** A cookie's name: with the {@code __Host-} prefix (Secure, Path=/, no Domain) when cookies are secure. */
	public String cookieName(String name) {
		return this.secureCookies ? "__Host-" + name : name;
	}
}
