package com.coastline.portal.api;

/** Topics and CloudEvents types that portal-service publishes. */
public final class PortalTopics {

	/** Portal profile events, keyed by workspace id (ordered per workspace). */
	public static final String EVENTS = "portal.events";

	public static final String PORTAL_ACTIVATED = "coastline.portal.PortalActivated.v1";

	public static final String PORTAL_DEACTIVATED = "coastline.portal.PortalDeactivated.v1";

	public static final String PORTAL_PROFILE_CHANGED = "coastline.portal.PortalProfileChanged.v1";

	private PortalTopics() {
	}
}
