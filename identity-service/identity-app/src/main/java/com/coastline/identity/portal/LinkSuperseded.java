package com.coastline.identity.portal;

import java.util.Map;

import com.coastline.identity.api.LinkRequests;
import com.coastline.platform.web.problem.ConflictException;

/**
 * 409: a request under an idempotency key came with an older fencing token than a link already issued
 * under that key, so it is a late attempt (its caller timed out, or lost its claim on the work) and
 * issuing for it would revoke the link the newer attempt handed on. Nothing changes.
 */
public class LinkSuperseded extends ConflictException {

	public LinkSuperseded(String idempotencyKey, long fence, long newest) {
		super(LinkRequests.IDEMPOTENCY_FENCE + " " + fence + " is older than " + newest + ", under which the link for key '"
				+ idempotencyKey + "' was issued; nothing was changed.");
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("reason", LinkRequests.SUPERSEDED);
	}
}
