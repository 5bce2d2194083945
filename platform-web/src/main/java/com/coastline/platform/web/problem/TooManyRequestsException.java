package com.coastline.platform.web.problem;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import org.springframework.http.HttpHeaders;

/** 429 with {@code Retry-After} (whole seconds, at least 1). */
public class TooManyRequestsException extends ProblemException {

	private final Duration retryAfter;

	public TooManyRequestsException(String detail, Duration retryAfter) {
		super(ProblemType.TOO_MANY_REQUESTS, detail);
		this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

	/** The wait in whole seconds, rounded up, at least 1. */
	public long retryAfterSeconds() {
		long seconds = this.retryAfter.toSeconds() + ((this.retryAfter.toNanosPart() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("retryAfterSeconds", retryAfterSeconds());
	}

	@Override
	public HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds()));
		return headers;
	}
}
