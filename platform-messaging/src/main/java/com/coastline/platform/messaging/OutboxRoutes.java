package com.coastline.platform.messaging;

import java.util.List;
import java.util.Optional;

import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

/** Turns the service's {@link EventRoute} beans into Spring Modulith's externalization configuration. */
final class OutboxRoutes {

	private final List<EventRoute<?>> routes;

	private final String source;

	OutboxRoutes(List<EventRoute<?>> routes, String source) {
		this.routes = List.copyOf(routes);
		this.source = source;
	}

	EventExternalizationConfiguration externalization() {
		return EventExternalizationConfiguration.externalizing()
			.select(event -> routeOf(event).isPresent())
			.routeAll(event -> {
				EventRoute<?> route = routeOf(event).orElseThrow();
				return RoutingTarget.forTarget(route.topic()).andKey(route.keyOf(event));
			})
			.headers(event -> CloudEventHeaders.of(routeOf(event).orElseThrow(), event, source))
			.build();
	}

	private Optional<EventRoute<?>> routeOf(Object event) {
		return routes.stream().filter(route -> route.handles(event)).findFirst();
	}
}
