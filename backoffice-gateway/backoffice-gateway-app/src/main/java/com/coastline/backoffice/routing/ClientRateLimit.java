package com.coastline.backoffice.routing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A Resilience4j rate limiter per client IP on {@code /api/**}: over the limit → 429 problem with
 * {@code Retry-After}, and nothing is forwarded. The limiters live in this replica's memory (a bounded map: the
 * least recently seen IPs are forgotten), so the limit is per replica: a guard against one browser or script
 * flooding the services, not an exact quota.
 */
final class ClientRateLimit implements HandlerFilterFunction<ServerResponse, ServerResponse> {

	private final RateLimiterConfig config;

	private final Map<String, AtomicRateLimiter> limiters;

	ClientRateLimit(RoutingProperties.RateLimit limit) {
		this.config = RateLimiterConfig.custom()
			.limitForPeriod(limit.limitForPeriod())
			.limitRefreshPeriod(limit.refreshPeriod())
			.timeoutDuration(Duration.ZERO)
			.build();
		int max = limit.maxClients();
		this.limiters = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, AtomicRateLimiter> eldest) {
				return size() > max;
			}
		};
	}

	@Override
	public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
		AtomicRateLimiter limiter = limiter(request.servletRequest().getRemoteAddr());
		if (!limiter.acquirePermission()) {
			long waitNanos = limiter.getDetailedMetrics().getNanosToWait();
			return Problems.tooManyRequests(
					(waitNanos > 0) ? Duration.ofNanos(waitNanos) : this.config.getLimitRefreshPeriod());
		}
		return next.handle(request);
	}

	private AtomicRateLimiter limiter(String ip) {
		synchronized (this.limiters) {
			return this.limiters.computeIfAbsent(ip, (key) -> new AtomicRateLimiter("api-" + key, this.config));
		}
	}
}
