package com.coastline.backoffice.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's own settings.
 *
 * @param publicBaseUrl where staff reach the back office: its origin is the only one whose forms and API calls
 * are accepted (besides same-origin requests judged by {@code Sec-Fetch-Site})
 * @param identityUrl identity-service, for staff sign-in, the session → JWT swap and the workspace's name
 * @param secureCookies whether the back office is served over TLS (or on {@code localhost}, which browsers treat
 * as secure): cookies then carry {@code Secure} and the {@code __Host-} prefix. Turn off only for plain HTTP on
 * another host.
 * @param client the OAuth2 client this gateway signs staff in with at identity-service
 * @param tokenReuse how long reads ({@code GET}, {@code HEAD}: screens and API reads) may at most reuse the staff JWT
 * an earlier request of the same session got (never within 10 s of its expiry; {@code 0s}: every request swaps);
 * writes always swap afresh (signin/StaffTokens)
 */
@Validated
@ConfigurationProperties("coastline.backoffice")
public record GatewayProperties(@DefaultValue("http://localhost:8081") @NotNull URI publicBaseUrl,
		@DefaultValue("http://localhost:8082") @NotNull URI identityUrl, @DefaultValue("true") boolean secureCookies,
		@Valid @NotNull Client client, @DefaultValue("30s") @NotNull Duration tokenReuse) {

	/**
	 * @param clientId the client id at identity-service (scope {@code staff-gateway})
	 * @param clientSecret its secret
	 */
	public record Client(@DefaultValue("backoffice-gateway") @NotBlank String clientId, @NotBlank String clientSecret) {

		@Override
		public String toString() {
			return "Client[clientId=" + this.clientId + "]";
		}
	}

	/** The public origin ({@code scheme://host[:port]}). */
	public String publicOrigin() {
		return this.publicBaseUrl.getScheme() + "://" + this.publicBaseUrl.getAuthority();
	}

	/** A cookie's name: with the {@code __Host-} prefix (Secure, Path=/, no Domain) when cookies are secure. */
	public String cookieName(String name) {
		return this.secureCookies ? "__Host-" + name : name;
	}
}
