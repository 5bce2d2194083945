package com.coastline.platform.web.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.coastline.platform.test.MovableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads reuse a session's token for a while, anything else swaps afresh, an ended session is forgotten. */
class SessionTokenReuseTest {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private final MovableClock clock = new MovableClock(NOW);

	private final List<String> swaps = new ArrayList<>();

	private final SessionTokenReuse<Token> reuse = new SessionTokenReuse<>(Duration.ofSeconds(30), this.clock,
			Token::expiresAt);

	@Test
	void readsReuseTheSessionsTokenWhileAnythingElseSwapsAfresh() {
		Token first = this.reuse.token("s1", "GET", live(60)).orElseThrow();
		assertThat(this.reuse.token("s1", "GET", live(60))).containsSame(first);
		assertThat(this.reuse.token("s1", "HEAD", live(60))).containsSame(first);
		assertThat(this.swaps).containsExactly("s1");

		Token posted = this.reuse.token("s1", "POST", live(60)).orElseThrow();
		this.reuse.token("s1", "DELETE", live(60));
		this.reuse.token("s1", "PATCH", live(60));
		assertThat(posted).isNotSameAs(first);
		assertThat(this.swaps).containsExactly("s1", "s1", "s1", "s1");

		this.reuse.token("s2", "GET", live(60));
		assertThat(this.swaps).as("another session swaps its own").containsExactly("s1", "s1", "s1", "s1", "s2");
	}

	@Test
	void aTokenIsReusedForAtMostTheReuseTime() {
		Token first = this.reuse.token("s1", "GET", live(60)).orElseThrow();
		this.clock.advance(Duration.ofSeconds(14));
		assertThat(this.reuse.token("s1", "GET", live(60))).as("within half the reuse time").containsSame(first);

		this.clock.advance(Duration.ofSeconds(17));
		assertThat(this.reuse.token("s1", "GET", live(60))).as("past the whole reuse time").isNotEqualTo(
				Optional.of(first));
		assertThat(this.swaps).hasSize(2);
	}

	@Test
	void anEndedSessionIsForgottenAndCanNeverAct() {
		this.reuse.token("s1", "GET", live(60)).orElseThrow();

		assertThat(this.reuse.token("s1", "POST", ended())).isEmpty();
		assertThat(this.reuse.token("s1", "GET", ended())).as("the read after it asks identity again").isEmpty();
		assertThat(this.swaps).containsExactly("s1", "s1", "s1");
	}

	@Test
	void aForgottenSessionsNextReadAsksIdentity() {
		this.reuse.token("s1", "GET", live(60)).orElseThrow();
		this.reuse.forget("s1");

		assertThat(this.reuse.token("s1", "GET", ended())).isEmpty();
		assertThat(this.swaps).containsExactly("s1", "s1");
	}

	@Test
	void aTokenCloseToItsExpiryIsNotReused() {
		this.reuse.token("s1", "GET", live(SessionTokenReuse.EXPIRY_MARGIN_SECONDS - 2));
		this.reuse.token("s1", "GET", live(SessionTokenReuse.EXPIRY_MARGIN_SECONDS - 2));

		assertThat(this.swaps).hasSize(2);
	}

	@Test
	void noReuseTimeMeansEveryRequestSwaps() {
		SessionTokenReuse<Token> never = new SessionTokenReuse<>(Duration.ZERO, this.clock, Token::expiresAt);
		never.token("s1", "GET", live(60));
		never.token("s1", "GET", live(60));

		assertThat(this.swaps).hasSize(2);
	}

	/**
	 * Sessions begun together (a burst of sign-ins) must not swap again together every period: each token's reuse is
	 * a random part of the reuse time, from half of it to all of it.
	 */
	@Test
	void aTokensReuseIsSpreadBetweenHalfAndAllOfTheReuseTime() {
		Instant expiry = NOW.plusSeconds(60);
		Duration reuse = Duration.ofSeconds(30);

		assertThat(SessionTokenReuse.reusableFor(expiry, NOW, reuse, 0.0)).isEqualTo(Duration.ofSeconds(15));
		assertThat(SessionTokenReuse.reusableFor(expiry, NOW, reuse, 0.5)).isEqualTo(Duration.ofMillis(22_500));
		assertThat(SessionTokenReuse.reusableFor(expiry, NOW, reuse, 0.999)).isBetween(Duration.ofMillis(29_900), reuse);
		assertThat(SessionTokenReuse.reusableFor(expiry, NOW, Duration.ZERO, 0.7)).as("0s: every read swaps").isZero();
	}

	@Test
	void aSpreadReuseNeverReachesTheExpiryMargin() {
		Duration reuse = Duration.ofSeconds(30);
		Instant expiringSoon = NOW.plusSeconds(SessionTokenReuse.EXPIRY_MARGIN_SECONDS + 12);

		assertThat(SessionTokenReuse.reusableFor(expiringSoon, NOW, reuse, 0.0)).isEqualTo(Duration.ofSeconds(12));
		assertThat(SessionTokenReuse.reusableFor(expiringSoon, NOW, reuse, 1.0)).isEqualTo(Duration.ofSeconds(12));
		assertThat(SessionTokenReuse.reusableFor(NOW.plusSeconds(3), NOW, reuse, 1.0)).isZero();
	}

	private Function<String, Optional<Token>> live(long secondsToExpiry) {
		return (session) -> {
			this.swaps.add(session);
			return Optional.of(new Token(session, this.clock.instant().plusSeconds(secondsToExpiry)));
		};
	}

	private Function<String, Optional<Token>> ended() {
		return (session) -> {
			this.swaps.add(session);
			return Optional.empty();
		};
	}

	private record Token(String session, Instant expiresAt) {
	}
}
