package com.coastline.backoffice.support;

import java.util.EnumMap;
import java.util.Map;

import com.coastline.backoffice.routing.BackOfficeService;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

/**
 * The six routed services at the HTTP boundary, one server each, so a test sees which service a call reached.
 * Every server answers anything with 200 {@code {"service": "<name>"}} unless a test stubs its own path; identity's
 * routed {@code /api/**} is a server of its own too (the sign-in stub is {@link IdentityStub}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class ServicesStub {

	/** Shared by the module's one Spring context. */
	public static final Map<BackOfficeService, WireMockServer> SERVERS = start();

	private static Map<BackOfficeService, WireMockServer> start() {
		Map<BackOfficeService, WireMockServer> servers = new EnumMap<>(BackOfficeService.class);
		for (BackOfficeService service : BackOfficeService.values()) {
			WireMockServer server = new WireMockServer(
					WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
			server.start();
			server.stubFor(any(anyUrl()).atPriority(10)
				.willReturn(aResponse().withStatus(200)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"service\": \"" + service.id() + "\"}")));
			servers.put(service, server);
		}
		return servers;
	}

	public static WireMockServer of(BackOfficeService service) {
		return SERVERS.get(service);
	}

	@Bean
	DynamicPropertyRegistrar serviceUrls() {
		return (registry) -> SERVERS.forEach((service, server) -> registry
			.add("coastline.backoffice.routing.services." + service.id() + ".url", server::baseUrl));
	}
}
