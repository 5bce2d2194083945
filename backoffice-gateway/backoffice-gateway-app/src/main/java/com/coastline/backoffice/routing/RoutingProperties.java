package com.coastline.backoffice.routing;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where the routes go and how long they wait.
 *
 * @param services each {@link BackOfficeService}'s base URL and timeout, by its name ({@code identity},
 * {@code project}, …); every service of the route table must be configured
 * @param connectTimeout how long a route waits for a connection to its service
 * @param rateLimit the per-client-IP limit on {@code /api/**}
 * @param maxUploadSize the largest multipart body a route passes on (media-service's own request limit): a larger
 * one, by its {@code Content-Length}, is refused with 413 before anything is forwarded
 */
@Validated
@ConfigurationProperties("coastline.backoffice.routing")
public record RoutingProperties(@NotNull Map<String, @Valid Service> services,
		@DefaultValue("1s") @NotNull Duration connectTimeout, @Valid @NotNull @DefaultValue RateLimit rateLimit,
		@DefaultValue("26MB") @NotNull DataSize maxUploadSize) {

	public RoutingProperties {
		for (BackOfficeService service : BackOfficeService.values()) {
			if (services == null || !services.containsKey(service.id())) {
				throw new IllegalArgumentException("No URL for " + service.id()
						+ " in coastline.backoffice.routing.services");
			}
		}
	}

	/** The settings of one service. */
	public Service service(BackOfficeService service) {
		return this.services.get(service.id());
	}

	/**
	 * @param url the service's base URL (any path in it is ignored: the request's path is kept)
	 * @param timeout how long a route waits for the service's answer (its headers) before a 504
	 */
	public record Service(@NotNull URI url, @DefaultValue("5s") @NotNull Duration timeout) {
	}

	/**
	 * @param limitForPeriod requests per client IP in each period
	 * @param refreshPeriod the period
	 * @param maxClients how many client IPs are tracked at once (the least recently seen are forgotten)
	 */
	public record RateLimit(@DefaultValue("100") @Positive int limitForPeriod,
			@DefaultValue("1s") @NotNull Duration refreshPeriod, @DefaultValue("10000") @Positive int maxClients) {
	}
}
