package com.coastline.platform.web.client;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Defaults of every {@code RestClient} built from Boot's {@code RestClient.Builder}.
 *
 * @param connectTimeout time to open a connection (default 2s)
 * @param readTimeout time to wait for the response (default 5s)
 * @param tokenRelayHosts hosts ({@code host} or {@code host:port}) that receive the caller's
 * bearer token; empty (the default) relays it on every call that has no {@code Authorization} yet
 */
@Validated
@ConfigurationProperties("coastline.http.client")
public record HttpClientDefaultsProperties(@DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("5s") Duration readTimeout, @DefaultValue List<String> tokenRelayHosts) {

	public HttpClientDefaultsProperties {
		requirePositive("connect-timeout", connectTimeout);
		requirePositive("read-timeout", readTimeout);
		tokenRelayHosts = tokenRelayHosts.stream().map((host) -> host.trim().toLowerCase(Locale.ROOT)).toList();
	}

	private static void requirePositive(String name, Duration duration) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("coastline.http.client." + name + " must be a positive duration");
		}
	}
}
