package com.coastline.project.estimate;

import java.util.List;
import java.util.Map;

import com.coastline.platform.web.problem.UnprocessableException;

/**
 * 422: the draft cannot be sent as it is (no line items, a valid-until date already past). Names the
 * field in {@code errors}, shaped like a validation problem's.
 */
public class EstimateNotSendable extends UnprocessableException {

	private final String field;

	private final String reason;

	EstimateNotSendable(String field, String reason) {
		super("The estimate cannot be sent: " + field + " " + reason + ".");
		this.field = field;
		this.reason = reason;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("errors", List.of(Map.of("field", this.field, "message", this.reason)));
	}
}
