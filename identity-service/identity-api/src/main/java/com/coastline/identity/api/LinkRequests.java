package com.coastline.identity.api;

/**
 * How a service client asks identity-service for a contact's one-tap link ({@code POST /api/contacts/{id}/links}):
 * the idempotency headers and the reason of the one 409 a retrying caller must tell apart.
 */
public final class LinkRequests {

	/** Names the work the link is for (e.g. an automation run); the same key revokes the link issued under it earlier. */
	public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	/**
	 * A number that grows with each attempt under the key (a fencing token, e.g. the version of the caller's claim
	 * on the work): a request with an older fence than the newest link's is refused and changes nothing.
	 */
	public static final String IDEMPOTENCY_FENCE = "Idempotency-Fence";

	/** The 409's {@code reason} for a request whose fence is older than the newest link's under its key. */
	public static final String SUPERSEDED = "A later attempt under this Idempotency-Key issued the link";

	private LinkRequests() {
	}
}
