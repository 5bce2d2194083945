package com.coastline.identity.signin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Every series of the sign-in meters exists at 0 from the start, and only the fixed tag values do. */
class SignInMetersRegistrationTest {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final SignInMeters meters = new SignInMeters(registry);

	@Test
	void everySeriesIsRegisteredAtZeroBeforeFirstUse() {
		assertThat(registry.find(SignInMeters.SIGN_INS).counters()).hasSize(15)
			.allSatisfy(counter -> assertThat(counter.count()).isZero());
		assertThat(registry.find(SignInMeters.SIGN_INS).tag("audience", "staff").tag("method", "link").counters())
			.as("staff never sign in with a link")
			.isEmpty();
		assertThat(registry.find(SignInMeters.LINKS_ISSUED).counters()).extracting(c -> c.getId().getTag("issuer"))
			.containsExactlyInAnyOrder("staff", "service");
		assertThat(registry.find(SignInMeters.CODES_REQUESTED).counters()).hasSize(6);
		assertThat(registry.find(SignInMeters.SESSIONS_ENDED).counters())
			.extracting(c -> c.getId().getTag("audience") + " " + c.getId().getTag("reason"))
			.containsExactlyInAnyOrder("client sign-out", "client ended", "staff sign-out");
	}

	@Test
	void countingMovesOnlyItsOwnSeries() {
		meters.signIn(SignInMeters.STAFF, SignInMeters.CODE, SignInMeters.THROTTLED);
		meters.linkIssued(true);
		meters.codeRequested(SignInMeters.CLIENT, SignInMeters.UNKNOWN_EMAIL);
		meters.sessionsEnded(SignInMeters.CLIENT, SignInMeters.ENDED, 3);

		assertThat(registry.find(SignInMeters.SIGN_INS).counters()).filteredOn(c -> c.count() > 0)
			.singleElement()
			.satisfies(c -> assertThat(c.getId().getTag("outcome")).isEqualTo("throttled"));
		assertThat(registry.get(SignInMeters.LINKS_ISSUED).tag("issuer", "service").counter().count()).isOne();
		assertThat(registry.find(SignInMeters.CODES_REQUESTED).counters()).extracting(Counter::count)
			.containsOnlyOnce(1.0);
		assertThat(registry.find(SignInMeters.SESSIONS_ENDED).counters()).extracting(Counter::count)
			.containsExactlyInAnyOrder(0.0, 3.0, 0.0);
	}

	@Test
	void anOutcomeOutsideTheFixedSetIsAProgrammingError() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> meters.signIn(SignInMeters.STAFF, SignInMeters.LINK, SignInMeters.SUCCESS));
		assertThatIllegalArgumentException().isThrownBy(() -> meters.codeRequested("robot", SignInMeters.SENT));
	}
}
