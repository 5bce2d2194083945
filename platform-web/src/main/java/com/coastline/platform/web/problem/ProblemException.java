package com.coastline.platform.web.problem;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpHeaders;

/**
 * A domain error that the web layer answers as an RFC 9457 problem. Extend one of the subclasses
 * ({@link NotFoundException}, {@link ConflictException}, {@link UnprocessableException},
 * {@link TooManyRequestsException}, {@link BadRequestException}); the message is the problem's
 * {@code detail} and is shown to the caller, so it must not contain secrets or other tenants' data.
 * A subclass may override {@link #type()}, {@link #title()} and {@link #properties()} to give a
 * more specific, equally stable, problem type.
 */
public abstract class ProblemException extends RuntimeException {

	private final ProblemType category;

	protected ProblemException(ProblemType category, String detail) {
		super(detail);
		this.category = category;
	}

	protected ProblemException(ProblemType category, String detail, Throwable cause) {
		super(detail, cause);
		this.category = category;
	}

	/** The general problem type; decides the HTTP status. */
	public final ProblemType category() {
		return this.category;
	}

	/** The problem type URI; the category's unless a subclass names a more specific one. */
	public URI type() {
		return this.category.type();
	}

	/** The problem title; the category's unless a subclass names a more specific one. */
	public String title() {
		return this.category.title();
	}

	/** Extension members of the problem, e.g. {@code "currentState": "approved"}. */
	public Map<String, Object> properties() {
		return Map.of();
	}

	/** Response headers the problem needs (e.g. {@code Retry-After}). */
	public HttpHeaders headers() {
		return new HttpHeaders();
	}
}
