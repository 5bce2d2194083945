package com.coastline.backoffice.screens.billing;

import java.time.Instant;
import java.time.ZoneId;

import com.coastline.backoffice.screens.billing.EstimateAnswers.UserAgents;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the estimate's page words the client's answers: user agents in a few words, times in a time zone.
 */
class EstimateAnswersTest {

	@Test
	void userAgentsAreShortenedToTheBrowserAndItsPlatform() {
		assertThat(UserAgents.shorten("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 "
				+ "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36")).isEqualTo("Chrome 131 on macOS");
		assertThat(UserAgents.shorten("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like "
				+ "Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86")).isEqualTo("Edge 131 on Windows");
		assertThat(UserAgents.shorten("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
				+ "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1")).isEqualTo("Safari 18 on iPhone");
		assertThat(UserAgents.shorten("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"))
			.isEqualTo("Firefox 133 on Linux");
		assertThat(UserAgents.shorten("Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like "
				+ "Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36"))
			.isEqualTo("Samsung Internet 26 on Android");
	}

	@Test
	void anUnknownUserAgentIsCutAndNoneIsNull() {
		assertThat(UserAgents.shorten("curl/8.5.0")).isEqualTo("curl/8.5.0");
		assertThat(UserAgents.shorten("x".repeat(200))).hasSize(60).endsWith("…");
		assertThat(UserAgents.shorten(null)).isNull();
		assertThat(UserAgents.shorten("  ")).isNull();
	}

	@Test
	void timesAreInTheGivenZoneAndSayWhichOne() {
		Instant instant = Instant.parse("2026-07-01T16:14:00Z");
		assertThat(EstimateAnswers.when(instant, ZoneId.of("America/Denver")))
			.isEqualTo("1 Jul 2026 at 10:14 (America/Denver)");
		assertThat(EstimateAnswers.when(instant, ZoneId.of("UTC"))).isEqualTo("1 Jul 2026 at 16:14 (UTC)");
	}
}
