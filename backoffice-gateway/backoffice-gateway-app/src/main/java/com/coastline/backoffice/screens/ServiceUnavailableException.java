package com.coastline.backoffice.screens;

/** A service did not answer (down, timeout, 5xx): the "service unavailable" page, or a greyed-out section. */
public class ServiceUnavailableException extends RuntimeException {

	private final Service service;

	ServiceUnavailableException(Service service, String reason, Throwable cause) {
		super(service.id() + " is unavailable: " + reason, cause);
		this.service = service;
	}

	public Service service() {
		return this.service;
	}
}
