package com.coastline.backoffice.screens;

/**
 * A service did not answer (down, timeout, 5xx, its circuit open): the "service unavailable" page, or a greyed-out
 * section.
 */
public class ServiceUnavailableException extends RuntimeException {

	private final Service service;

	private final boolean failure;

	ServiceUnavailableException(Service service, String reason, Throwable cause) {
		this(service, reason, cause, false);
	}

	private ServiceUnavailableException(Service service, String reason, Throwable cause, boolean failure) {
		super(service.id() + " is unavailable: " + reason, cause);
		this.service = service;
		this.failure = failure;
	}

	/** No connection, a timeout or a 5xx: what the service's circuit breaker counts as a failure. */
	static ServiceUnavailableException failure(Service service, String reason, Throwable cause) {
		return new ServiceUnavailableException(service, reason, cause, true);
	}

	public Service service() {
		return this.service;
	}

	/** Whether the service's circuit breaker counts it as a failure (not an open circuit, nor an unreadable answer). */
	boolean failure() {
		return this.failure;
	}
}
