package com.coastline.backoffice.routing;

import java.net.http.HttpClient;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.ResponseHttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchangeHandlerFunction;
import org.springframework.cloud.gateway.server.mvc.handler.RestClientProxyExchange;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * One Spring Cloud Gateway proxy handler per service, each with its own HTTP client, for per-route timeouts
 * (the gateway's default handler shares one client and its timeouts): connect within
 * {@link RoutingProperties#connectTimeout()}, the answer's headers within the service's
 * {@link RoutingProperties.Service#timeout()}. Redirects are never followed (passed to the browser as they are).
 * Request bodies stream from the browser to the service as they are read, chunk by chunk (the clients are built
 * without Boot's {@code RestClient.Builder}, whose customizers add a request interceptor, and any interceptor makes
 * {@code RestClient} buffer a whole upload in memory first; the routes set their {@code Authorization} themselves,
 * {@link StaffTokenRelay}); nothing parses a multipart body on the way (Spring Cloud Gateway's multipart resolver
 * leaves the routes' requests alone).
 * The header filters are the gateway's own beans, read when the context is ready, as its default handler does.
 */
final class ServiceProxies implements ApplicationListener<ContextRefreshedEvent> {

	private final Map<BackOfficeService, ProxyExchangeHandlerFunction> handlers = new EnumMap<>(BackOfficeService.class);

	ServiceProxies(RoutingProperties routing, ObservationRegistry observations, GatewayMvcProperties gateway,
			ObjectProvider<RequestHttpHeadersFilter> requestFilters,
			ObjectProvider<ResponseHttpHeadersFilter> responseFilters) {
		for (BackOfficeService service : BackOfficeService.values()) {
			HttpClient client = HttpClient.newBuilder()
				.connectTimeout(routing.connectTimeout())
				.followRedirects(HttpClient.Redirect.NEVER)
				// HTTP/1.1 as the services speak it: no h2c upgrade attempt on each call (with a streamed body, a
				// server that accepts the upgrade may cancel the stream).
				.version(HttpClient.Version.HTTP_1_1)
				.build();
			JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(client);
			requestFactory.setReadTimeout(routing.service(service).timeout());
			// A builder of its own, without Boot's customizers: any interceptor list, even an empty one, makes
			// RestClient buffer the whole request body in memory before sending it. Observed as Boot's clients are.
			RestClient restClient = RestClient.builder()
				.requestFactory(requestFactory)
				.observationRegistry(observations)
				.build();
			this.handlers.put(service, new ProxyExchangeHandlerFunction(new RestClientProxyExchange(restClient, gateway),
					requestFilters, responseFilters));
		}
	}

	ProxyExchangeHandlerFunction handler(BackOfficeService service) {
		return this.handlers.get(service);
	}

	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		this.handlers.values().forEach((handler) -> handler.onApplicationEvent(event));
	}
}
