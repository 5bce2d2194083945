package com.coastline.backoffice.screens;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the screens find the services: the routes' own settings ({@code coastline.backoffice.routing}), read
 * again here so that the screens do not depend on the routing package.
 *
 * @param services each service's base URL and answer timeout, by {@link Service#id()}
 * @param connectTimeout how long a call waits for a connection
 */
@Validated
@ConfigurationProperties("coastline.backoffice.routing")
public record ScreenProperties(@NotNull Map<String, Address> services,
		@DefaultValue("1s") @NotNull Duration connectTimeout) {

	/**
	 * @param url the service's base URL
	 * @param timeout how long a call waits for the answer
	 */
	public record Address(@NotNull URI url, @DefaultValue("5s") @NotNull Duration timeout) {
	}
}
