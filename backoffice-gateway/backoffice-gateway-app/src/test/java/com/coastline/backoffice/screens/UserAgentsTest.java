package com.coastline.backoffice.screens;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real browsers' user agents read by ua-parser and worded for staff: the browser, its major version and the
 * device or system ({@link UserAgents#shorten}, the approval evidence) or without the version
 * ({@link UserAgents#describe}, the access panel); anything else falls back safely.
 */
class UserAgentsTest {

	private static final String MAC_CHROME = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

	private static final String IPHONE_SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) "
			+ "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

	private static final String ANDROID_CHROME = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like "
			+ "Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

	private static final String WINDOWS_EDGE = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, "
			+ "like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86";

	private static final String LINUX_FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

	private static final String SAMSUNG = "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like "
			+ "Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36";

	@Test
	void browsersAreShortenedToTheirFamilyMajorVersionAndPlatform() {
		assertThat(UserAgents.shorten(MAC_CHROME)).isEqualTo("Chrome 131 on macOS");
		assertThat(UserAgents.shorten(IPHONE_SAFARI)).isEqualTo("Safari 18 on iPhone");
		assertThat(UserAgents.shorten(ANDROID_CHROME)).isEqualTo("Chrome 131 on Android");
		assertThat(UserAgents.shorten(WINDOWS_EDGE)).isEqualTo("Edge 131 on Windows");
		assertThat(UserAgents.shorten(LINUX_FIREFOX)).isEqualTo("Firefox 133 on Linux");
		assertThat(UserAgents.shorten(SAMSUNG)).isEqualTo("Samsung Internet 26 on Android");
	}

	@Test
	void describedWithoutVersions() {
		assertThat(UserAgents.describe(MAC_CHROME)).isEqualTo("Chrome on macOS");
		assertThat(UserAgents.describe(IPHONE_SAFARI)).isEqualTo("Safari on iPhone");
		assertThat(UserAgents.describe(ANDROID_CHROME)).isEqualTo("Chrome on Android");
		assertThat(UserAgents.describe(WINDOWS_EDGE)).isEqualTo("Edge on Windows");
	}

	@Test
	void garbageIsCutOrUnknownAndNoneIsNull() {
		assertThat(UserAgents.shorten("x9!#%")).isEqualTo("x9!#%");
		assertThat(UserAgents.shorten("x".repeat(200))).hasSize(60).endsWith("…");
		assertThat(UserAgents.shorten(null)).isNull();
		assertThat(UserAgents.shorten("  ")).isNull();
		assertThat(UserAgents.describe("x".repeat(200))).isEqualTo(UserAgents.UNKNOWN_DEVICE);
		assertThat(UserAgents.describe(null)).isEqualTo(UserAgents.UNKNOWN_DEVICE);
	}

	@Test
	void aHugeUserAgentIsReadFromItsStartOnly() {
		String huge = WINDOWS_EDGE + " " + "a(".repeat(50_000);
		assertThat(UserAgents.describe(huge)).isEqualTo("Edge on Windows");
	}
}
