package com.coastline.automation.link;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this service reaches identity-service as a client ({@code coastline.automation.identity.*}); the calls
 * and the token request have platform-web's timeouts ({@code coastline.http.client.*}).
 *
 * @param url identity-service's base URL (token endpoint {@code /oauth2/token}, links API)
 * @param clientId this service's client id
 * @param clientSecret its secret
 */
@Validated
@ConfigurationProperties("coastline.automation.identity")
public record IdentityClientProperties(@NotBlank String url, @DefaultValue("automation-service") @NotBlank String clientId,
		@NotBlank String clientSecret) {

	@Override
	public String toString() {
		return "IdentityClientProperties[url=" + url + ", clientId=" + clientId + "]";
	}
}
