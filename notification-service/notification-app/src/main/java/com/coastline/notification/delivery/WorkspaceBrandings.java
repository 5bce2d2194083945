package com.coastline.notification.delivery;

import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The {@link EmailBranding} of each workspace's emails. For now every workspace gets the neutral
 * {@link EmailBranding#COASTLINE}; once portal events carry a workspace's branding (name, colour, logo,
 * contractor contact), this is where they are looked up, and nothing else changes.
 */
@Component
public class WorkspaceBrandings {

	/** The branding of the workspace's emails; never null. */
	public EmailBranding of(UUID workspaceId) {
		return EmailBranding.COASTLINE;
	}
}
