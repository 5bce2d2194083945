package com.coastline.identity.portal;

import java.util.Map;
import java.util.UUID;

import com.coastline.platform.web.problem.ConflictException;

/**
 * 409: the workspace turned its Customer Portal off (the newest {@code portal.events} state), so no
 * link is issued for it. The problem's {@code reason} is the one portal-service shows for its menu item.
 */
public class PortalNotActive extends ConflictException {

	public static final String REASON = "The Customer Portal is not active";

	public PortalNotActive(UUID workspaceId) {
		super("The Customer Portal of workspace " + workspaceId + " is not active; no link can be issued.");
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("reason", REASON);
	}
}
