package com.coastline.backoffice.screens.access;

/**
 * A user agent in a few words ("Safari on iPhone"), for staff to recognise a client's device; the full user
 * agent is shown beside it. A rough reading on purpose: it names, it does not identify.
 */
final class Devices {

	private Devices() {
	}

	static String describe(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return "Unknown device";
		}
		String browser = browser(userAgent);
		String system = system(userAgent);
		if (browser == null && system == null) {
			return "Unknown device";
		}
		if (browser == null) {
			return system;
		}
		return (system != null) ? browser + " on " + system : browser;
	}

	private static String browser(String agent) {
		if (agent.contains("Edg/") || agent.contains("EdgA/") || agent.contains("EdgiOS/")) {
			return "Edge";
		}
		if (agent.contains("Firefox/") || agent.contains("FxiOS/")) {
			return "Firefox";
		}
		if (agent.contains("Chrome/") || agent.contains("CriOS/")) {
			return "Chrome";
		}
		if (agent.contains("Safari/")) {
			return "Safari";
		}
		return null;
	}

	private static String system(String agent) {
		if (agent.contains("iPhone")) {
			return "iPhone";
		}
		if (agent.contains("iPad")) {
			return "iPad";
		}
		if (agent.contains("Android")) {
			return "Android";
		}
		if (agent.contains("Windows")) {
			return "Windows";
		}
		if (agent.contains("Mac OS X") || agent.contains("Macintosh")) {
			return "macOS";
		}
		if (agent.contains("Linux")) {
			return "Linux";
		}
		return null;
	}
}
