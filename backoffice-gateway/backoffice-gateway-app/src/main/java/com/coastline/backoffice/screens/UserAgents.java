package com.coastline.backoffice.screens;

import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * Browsers' user agents in a few words, for staff to recognise a client's device: the browser's family (with its
 * major version in {@link #shorten}, "Chrome 131 on macOS"; without in {@link #describe}, "Chrome on macOS") and
 * the device or system it runs on. Read by ua-parser ({@code uap-java}, the uap-core regexes), not by hand; the
 * screens show the full user agent beside it. A reading, not an identification: it names, it does not prove.
 * <p>
 * ua-parser's mobile variants are worded as their browser ("Mobile Safari", "Chrome Mobile iOS" → "Safari",
 * "Chrome"); the system is the device for an iPhone or iPad, "macOS" for Mac OS X, "ChromeOS" for Chrome OS, and
 * otherwise ua-parser's family ("Windows", "Android", "Linux", "Ubuntu"). Only the first {@value #MAX_PARSED}
 * characters are read; readings are kept for the last {@value #CACHED} user agents.
 */
public final class UserAgents {

	/** What {@link #describe} says of a user agent it cannot read, or of none. */
	public static final String UNKNOWN_DEVICE = "Unknown device";

	private static final int MAX_SHORTENED = 60;

	private static final int MAX_PARSED = 512;

	private static final int CACHED = 1_000;

	private static final String OTHER = "Other";

	/** ua-parser's families worded as the browser people know. */
	private static final Map<String, String> BROWSERS = Map.ofEntries(Map.entry("Mobile Safari", "Safari"),
			Map.entry("Mobile Safari UI/WKWebView", "Safari"), Map.entry("Chrome Mobile", "Chrome"),
			Map.entry("Chrome Mobile iOS", "Chrome"), Map.entry("Chrome Mobile WebView", "Chrome WebView"),
			Map.entry("Firefox Mobile", "Firefox"), Map.entry("Firefox iOS", "Firefox"),
			Map.entry("Edge Mobile", "Edge"), Map.entry("Opera Mobile", "Opera"));

	private static final Map<String, String> SYSTEMS = Map.of("Mac OS X", "macOS", "Chrome OS", "ChromeOS");

	private static final Cache<String, Reading> READINGS = Caffeine.newBuilder().maximumSize(CACHED).build();

	private UserAgents() {
	}

	/**
	 * The browser, its major version and the device or system: "Chrome 131 on macOS", "Safari 18 on iPhone".
	 * @param userAgent a user agent as recorded, or null
	 * @return the few words; one ua-parser cannot read, cut to 60 characters; null for none (null or blank)
	 */
	public static String shorten(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return null;
		}
		Reading reading = read(userAgent);
		if (reading.browser() == null && reading.system() == null) {
			String stripped = userAgent.strip();
			return (stripped.length() <= MAX_SHORTENED) ? stripped : stripped.substring(0, MAX_SHORTENED - 1) + "…";
		}
		String browser = (reading.browser() != null && reading.major() != null)
				? reading.browser() + " " + reading.major() : reading.browser();
		return words(browser, reading.system());
	}

	/**
	 * The browser and the device or system, without versions: "Safari on iPhone", "Edge on Windows".
	 * @param userAgent a user agent as recorded, or null
	 * @return the few words, or {@value #UNKNOWN_DEVICE} for one ua-parser cannot read, or none
	 */
	public static String describe(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return UNKNOWN_DEVICE;
		}
		Reading reading = read(userAgent);
		if (reading.browser() == null && reading.system() == null) {
			return UNKNOWN_DEVICE;
		}
		return words(reading.browser(), reading.system());
	}

	private static String words(String browser, String system) {
		if (browser == null) {
			return system;
		}
		return (system != null) ? browser + " on " + system : browser;
	}

	private static Reading read(String userAgent) {
		String agent = userAgent.strip();
		String key = (agent.length() <= MAX_PARSED) ? agent : agent.substring(0, MAX_PARSED);
		return READINGS.get(key, UserAgents::parse);
	}

	private static Reading parse(String agent) {
		Client client = Regexes.PARSER.parse(agent);
		String family = known(client.userAgent.family);
		String browser = (family != null) ? BROWSERS.getOrDefault(family, family) : null;
		String major = (browser != null) ? known(client.userAgent.major) : null;
		return new Reading(browser, major, system(client));
	}

	private static String system(Client client) {
		String device = known(client.device.family);
		String os = known(client.os.family);
		if ("iOS".equals(os) && ("iPhone".equals(device) || "iPad".equals(device))) {
			return device;
		}
		return (os != null) ? SYSTEMS.getOrDefault(os, os) : null;
	}

	private static String known(String value) {
		return (value == null || value.isBlank() || OTHER.equals(value)) ? null : value;
	}

	private record Reading(String browser, String major, String system) {
	}

	/** ua-parser's regexes, compiled once, when a user agent is first read. */
	private static final class Regexes {

		static final Parser PARSER = new Parser();
	}
}
