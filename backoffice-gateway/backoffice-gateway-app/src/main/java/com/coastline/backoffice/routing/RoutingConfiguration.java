package com.coastline.backoffice.routing;

import com.coastline.backoffice.signin.StaffTokens;
import com.coastline.platform.web.problem.ProblemResponseWriter;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.ResponseHttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The routes of {@code /api/**} ({@link BackOfficeService}, in its order), each: the per-client-IP rate limit,
 * the request body's checks ({@link RequestBodies}: the upload limit), the staff session swapped for a staff JWT,
 * the service's address, its circuit breaker and its timeouts, the body streamed to the service as it comes
 * ({@link ServiceProxies}); then
 * {@code /api/**} that no service owns → 404 problem (after the same rate limit and session check, so the table
 * is not shown to strangers). Each service's OpenAPI document, {@code GET /api-docs/{service}} → the service's
 * {@value #SERVICE_API_DOCS}, goes the same way (limit, session, address, breaker, timeouts), for the Swagger UI at
 * {@code /api-docs} ({@link ApiDocsAccess}).
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

	/** Where each service serves its OpenAPI document (springdoc's default path). */
	static final String SERVICE_API_DOCS = "/v3/api-docs";

	@Bean
	ServiceProxies serviceProxies(RoutingProperties routing, ObjectProvider<ObservationRegistry> observations,
			GatewayMvcProperties gateway, ObjectProvider<RequestHttpHeadersFilter> requestFilters,
			ObjectProvider<ResponseHttpHeadersFilter> responseFilters) {
		return new ServiceProxies(routing, observations.getIfAvailable(() -> ObservationRegistry.NOOP), gateway,
				requestFilters, responseFilters);
	}

	@Bean
	ForwardedHeaders forwardedHeaders() {
		return new ForwardedHeaders();
	}

	@Bean
	FilterRegistrationBean<RequestIds> requestIds() {
		FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ApiDocsAccess> apiDocsAccess(ObjectProvider<StaffTokens> tokens,
			ObjectProvider<ProblemResponseWriter> problems) {
		// On every path (it picks its own), after Spring Security's chain (firewall, headers).
		return new FilterRegistrationBean<>(new ApiDocsAccess(tokens, problems));
	}

	@Bean
	RouterFunction<ServerResponse> backOfficeRoutes(RoutingProperties routing, ServiceProxies proxies,
			StaffTokens tokens, CircuitBreakerRegistry breakers) {
		ClientRateLimit rateLimit = new ClientRateLimit(routing.rateLimit());
		RequestBodies bodies = new RequestBodies(routing.maxUploadSize());
		StaffTokenRelay relay = new StaffTokenRelay(tokens);
		RouterFunction<ServerResponse> routes = null;
		for (BackOfficeService service : BackOfficeService.values()) {
			RequestPredicate paths = service.paths()
				.stream()
				.map(RequestPredicates::path)
				.reduce(RequestPredicate::or)
				.orElseThrow();
			RouterFunction<ServerResponse> route = GatewayRouterFunctions.route(service.id())
				.route(paths, proxies.handler(service))
				.filter(rateLimit)
				.filter(bodies)
				.filter(relay)
				.before(BeforeFilterFunctions.uri(routing.service(service).url()))
				.filter(new ServiceBreaker(service.id(), breakers.circuitBreaker(service.id())))
				.build();
			routes = (routes != null) ? routes.and(route) : route;
		}
		for (BackOfficeService service : BackOfficeService.values()) {
			RouterFunction<ServerResponse> document = GatewayRouterFunctions.route(service.id() + "-api-docs")
				.GET(ApiDocsAccess.UI + "/" + service.id(), proxies.handler(service))
				.filter(rateLimit)
				.filter(bodies)
				.filter(relay)
				.before(BeforeFilterFunctions.uri(routing.service(service).url()))
				.before(BeforeFilterFunctions.setPath(SERVICE_API_DOCS))
				.filter(new ServiceBreaker(service.id(), breakers.circuitBreaker(service.id())))
				.build();
			routes = routes.and(document);
		}
		RouterFunction<ServerResponse> unknown = RouterFunctions.route()
			.route(RequestPredicates.path("/api/**"), (request) -> Problems.notFound())
			.filter(rateLimit)
			.filter(relay)
			.build();
		return routes.and(unknown);
	}
}
