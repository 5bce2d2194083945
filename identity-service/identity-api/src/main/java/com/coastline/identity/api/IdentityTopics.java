package com.coastline.identity.api;

/** Topics and CloudEvents types that identity-service publishes. */
public final class IdentityTopics {

	/** Workspace and sign-in events, keyed by workspace id. */
	public static final String EVENTS = "identity.events";

	public static final String WORKSPACE_CREATED = "coastline.identity.WorkspaceCreated.v1";

	public static final String LINK_ISSUED = "coastline.identity.LinkIssued.v1";

	public static final String LINK_REVOKED = "coastline.identity.LinkRevoked.v1";

	public static final String CLIENT_SIGNED_IN = "coastline.identity.ClientSignedIn.v1";

	private IdentityTopics() {
	}
}
