package com.coastline.backoffice.screens.billing;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the estimate's page words the client's answers: times in a time zone (user agents: {@code UserAgentsTest}).
 */
class EstimateAnswersTest {

	@Test
	void timesAreInTheGivenZoneAndSayWhichOne() {
		Instant instant = Instant.parse("2026-07-01T16:14:00Z");
		assertThat(EstimateAnswers.when(instant, ZoneId.of("America/Denver")))
			.isEqualTo("1 Jul 2026 at 10:14 (America/Denver)");
		assertThat(EstimateAnswers.when(instant, ZoneId.of("UTC"))).isEqualTo("1 Jul 2026 at 16:14 (UTC)");
	}
}
