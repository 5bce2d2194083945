package com.coastline.portal.project;

import java.net.URI;
import java.util.Map;

import com.coastline.platform.web.problem.ConflictException;
import com.coastline.platform.web.problem.ProblemType;

/** 409: the project's client cannot get a portal link now; {@code reason} says why, in the product's words. */
public class CustomerPortalUnavailableException extends ConflictException {

	private static final URI TYPE = URI.create(ProblemType.TYPE_PREFIX + "customer-portal-unavailable");

	private final String reason;

	CustomerPortalUnavailableException(String reason) {
		super(reason);
		this.reason = reason;
	}

	@Override
	public URI type() {
		return TYPE;
	}

	@Override
	public String title() {
		return "Customer Portal unavailable";
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("reason", this.reason);
	}
}
