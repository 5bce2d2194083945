package com.coastline.automation.link;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this service reaches identity-service as a client ({@code coastline.automation.identity.*}).
 *
 * @param url identity-service's base URL (token endpoint {@code /oauth2/token}, links API)
 * @param clientId this service's client id
 * @param clientSecret its secret
 * @param connectTimeout connect timeout of the token request (the links calls use platform-web's defaults)
 * @param readTimeout read timeout of the token request
 */
@Validated
@ConfigurationProperties("coastline.automation.identity")
public record IdentityClientProperties(@NotBlank String url, @DefaultValue("automation-service") @NotBlank String clientId,
		@NotBlank String clientSecret, @DefaultValue("2s") @NotNull Duration connectTimeout,
		@DefaultValue("5s") @NotNull Duration readTimeout) {

	@Override
	public String toString() {
		return "IdentityClientProperties[url=" + url + ", clientId=" + clientId + "]";
	}
}
