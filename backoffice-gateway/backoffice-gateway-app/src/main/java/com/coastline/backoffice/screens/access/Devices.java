package com.coastline.backoffice.screens.access;

import com.coastline.backoffice.screens.UserAgents;

/**
 * A client's device in a few words ("Safari on iPhone"), for the sessions of the portal access panel; the full
 * user agent is shown beside it. The reading is {@link UserAgents#describe}'s (ua-parser): it names, it does not
 * identify.
 */
final class Devices {

	private Devices() {
	}

	/** "Safari on iPhone", or "Unknown device" for a user agent that names no browser or system, or none. */
	static String describe(String userAgent) {
		return UserAgents.describe(userAgent);
	}
}
