package com.coastline.backoffice.screens.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** User agents in a few words, for the sessions of the portal access panel. */
class DevicesTest {

	@Test
	void commonBrowsersAndSystemsAreNamed() {
		assertThat(Devices.describe("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
				+ "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1")).isEqualTo("Safari on iPhone");
		assertThat(Devices.describe("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0")).isEqualTo("Edge on Windows");
		assertThat(Devices.describe("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "Chrome/131.0.0.0 Mobile Safari/537.36")).isEqualTo("Chrome on Android");
		assertThat(Devices.describe("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.1; rv:132.0) Gecko/20100101 Firefox/132.0"))
			.isEqualTo("Firefox on macOS");
		assertThat(Devices.describe("Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
				+ "Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1")).isEqualTo("Chrome on iPad");
	}

	@Test
	void anUnknownOrMissingUserAgentSaysSo() {
		assertThat(Devices.describe(null)).isEqualTo("Unknown device");
		assertThat(Devices.describe(" ")).isEqualTo("Unknown device");
		assertThat(Devices.describe("x9!#%")).isEqualTo("Unknown device");
		assertThat(Devices.describe("Mozilla/5.0 (" + "(".repeat(5_000))).isEqualTo("Unknown device");
	}
}
