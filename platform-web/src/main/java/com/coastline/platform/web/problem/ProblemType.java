package com.coastline.platform.web.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem types every Coastline API answers with (RFC 9457). The {@code type} URIs and
 * titles are part of the API contract: clients may switch on them, so they never change.
 */
public enum ProblemType {

	/** Malformed request: unreadable body, wrong parameter type, missing parameter. */
	BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad-request", "Bad request"),

	/** Well-formed request whose values break the rules; {@code errors} lists the fields. */
	VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "validation-failed", "Validation failed"),

	/** No valid bearer token. */
	UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized"),

	/** A valid token that may not do this. */
	FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Forbidden"),

	/** No such resource, or not one this tenant may see (the two are never told apart). */
	NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),

	/** The request conflicts with the resource's current state (a concurrent change, a duplicate). */
	CONFLICT(HttpStatus.CONFLICT, "conflict", "Conflict"),

	/** Understood and valid, but the domain refuses it (e.g. approving a withdrawn estimate). */
	UNPROCESSABLE(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable", "Unprocessable request"),

	/** Throttled; {@code Retry-After} says when to try again. */
	TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests"),

	/** Anything unexpected; the detail never says more. */
	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error");

	/**
	 * Prefix of every type URI. A tag URI (RFC 4151), as RFC 9457 suggests for types that are
	 * identifiers rather than documentation addresses.
	 */
	public static final String TYPE_PREFIX = "tag:coastline.app,2026:problem:";

	private final HttpStatus status;

	private final URI type;

	private final String title;

	ProblemType(HttpStatus status, String slug, String title) {
		this.status = status;
		this.type = URI.create(TYPE_PREFIX + slug);
		this.title = title;
	}

	public HttpStatus status() {
		return this.status;
	}

	public URI type() {
		return this.type;
	}

	public String title() {
		return this.title;
	}

	/** A problem of this type with the given detail. */
	public ProblemDetail problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(this.status, detail);
		problem.setType(this.type);
		problem.setTitle(this.title);
		return problem;
	}
}
