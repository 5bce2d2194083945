package com.coastline.local;

/**
 * Where the services' public APIs are, as a client reaches them: what the {@link DemoSeeder} needs. A
 * {@link LocalStack} answers with the ports it started the services on; {@link SeedDemo} with the URLs in
 * its environment (docker-compose's service names).
 */
@FunctionalInterface
public interface ServiceUrls {

	/**
	 * The service's base URL, without a trailing slash, e.g. {@code http://127.0.0.1:8083}.
	 * @throws IllegalArgumentException for a service it does not know
	 */
	String url(Service service);
}
