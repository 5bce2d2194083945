package com.coastline.backoffice.routing;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A route's Resilience4j circuit breaker (one per service, named after it). A call that cannot connect, times out
 * or answers 502/503/504 counts as a failure; any other answer, 4xx and 500 included, as a success (the service
 * is up and said something). Open circuit or no connection → 503 problem; no answer in the route's time → 504
 * problem. No retry: the gateway does not know which calls are safe to repeat.
 */
final class ServiceBreaker implements HandlerFilterFunction<ServerResponse, ServerResponse> {

	private final String service;

	private final CircuitBreaker breaker;

	ServiceBreaker(String service, CircuitBreaker breaker) {
		this.service = service;
		this.breaker = breaker;
	}

	@Override
	public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
		try {
			this.breaker.acquirePermission();
		}
		catch (CallNotPermittedException ex) {
			return Problems.unavailable(this.service);
		}
		long start = this.breaker.getCurrentTimestamp();
		ServerResponse response;
		try {
			response = next.handle(request);
		}
		catch (ResourceAccessException ex) {
			this.breaker.onError(elapsed(start), this.breaker.getTimestampUnit(), ex);
			return timedOut(ex) ? Problems.timeout(this.service) : Problems.unavailable(this.service);
		}
		catch (Exception | Error ex) {
			this.breaker.onError(elapsed(start), this.breaker.getTimestampUnit(), ex);
			throw ex;
		}
		int status = response.statusCode().value();
		if (status == 502 || status == 503 || status == 504) {
			this.breaker.onError(elapsed(start), this.breaker.getTimestampUnit(), new ServiceFailed(status));
		}
		else {
			this.breaker.onSuccess(elapsed(start), this.breaker.getTimestampUnit());
		}
		return response;
	}

	private long elapsed(long start) {
		return this.breaker.getCurrentTimestamp() - start;
	}

	private static boolean timedOut(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException
					|| cause instanceof TimeoutException) {
				return true;
			}
		}
		return false;
	}

	/** A gateway-level failure answer of the service, recorded by the breaker. */
	static final class ServiceFailed extends RuntimeException {

		ServiceFailed(int status) {
			super("The service answered " + status, null, false, false);
		}
	}
}
