package com.coastline.portal.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

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
 * @param actionTimeout how long a form (approving an estimate, opening a payment checkout) waits for
 * project-service's answer, which may wait on the payment provider in turn
 * @param tokenReuse how long a page may at most reuse the client JWT an earlier page of the same session got (each
 * token a random part of it, from half to all, so that sessions begun together do not renew together; never past
 * 10 s before its expiry; forms always get a fresh one); {@code 0s} swaps the cookie at every page
 * @param paymentOrigins the payment provider's checkout origins ({@code https://checkout.stripe.com}): the only
 * places the Pay form sends the browser to, added to the pages' CSP {@code form-action} (Chrome applies it to the
 * redirect after a form)
 */
@Validated
@ConfigurationProperties("coastline.portal.pages")
public record PagesProperties(@DefaultValue("true") boolean secureCookies, @Valid @NotNull Gateway gateway,
		@DefaultValue("http://localhost:8083") @NotNull URI projectUrl,
		@DefaultValue("http://localhost:8084") @NotNull URI mediaUrl,
		@DefaultValue("600ms") @NotNull Duration serviceTimeout, @DefaultValue("10s") @NotNull Duration actionTimeout,
		@DefaultValue("30s") @NotNull Duration tokenReuse,
		@DefaultValue("https://checkout.stripe.com") @NotNull List<String> paymentOrigins) {

	public PagesProperties {
		paymentOrigins = (paymentOrigins != null) ? paymentOrigins : List.of();
		paymentOrigins = paymentOrigins.stream().filter((configured) -> !configured.isBlank()).map((configured) -> {
			String origin = origin(configured);
			if (origin == null) {
				throw new IllegalArgumentException("Not an http(s) origin in payment-origins: " + configured);
			}
			return origin;
		}).distinct().toList();
	}

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

	/**
	 * The origin of an address ({@code scheme://host[:port]}, lower-case, without a default port), or null when
	 * it has none (relative, opaque, or not HTTP(S)).
	 */
	public static String origin(String address) {
		try {
			URI uri = URI.create(address.strip());
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
			if ((!"https".equals(scheme) && !"http".equals(scheme)) || uri.getHost() == null || uri.getRawUserInfo() != null) {
				return null;
			}
			int port = uri.getPort();
			boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
			return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Whether the address is on one of the payment provider's checkout origins. */
	public boolean isPaymentCheckout(String address) {
		String origin = (address != null) ? origin(address) : null;
		return origin != null && this.paymentOrigins.contains(origin);
	}

	/** A cookie's name: with the {@code __Host-} prefix (Secure, Path=/, no Domain) when cookies are secure. */
	public String cookieName(String name) {
		return this.secureCookies ? "__Host-" + name : name;
	}
}
