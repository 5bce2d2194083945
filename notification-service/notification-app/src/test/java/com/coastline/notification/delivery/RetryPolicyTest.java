package com.coastline.notification.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

	private final RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofMinutes(5), 0.2);

	@Test
	void backoffDoublesFromOneSecondAndIsCappedAtFiveMinutes() {
		RandomGenerator noJitter = fixed(0.5);

		assertThat(IntStream.rangeClosed(1, 11).mapToObj(attempt -> policy.backoffAfter(attempt, noJitter)))
			.containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
					Duration.ofSeconds(16), Duration.ofSeconds(32), Duration.ofSeconds(64), Duration.ofSeconds(128),
					Duration.ofSeconds(256), Duration.ofMinutes(5), Duration.ofMinutes(5));
		assertThat(policy.backoffAfter(1_000, noJitter)).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void jitterMovesEachWaitByAtMostItsShareAndNeverBeyondTheCap() {
		assertThat(policy.backoffAfter(3, fixed(0.0))).isEqualTo(Duration.ofMillis(3_200));
		assertThat(policy.backoffAfter(3, fixed(0.999_999))).isBetween(Duration.ofMillis(4_799), Duration.ofMillis(4_800));
		assertThat(policy.backoffAfter(10, fixed(0.999_999))).isEqualTo(Duration.ofMinutes(5));
		assertThat(policy.backoffAfter(10, fixed(0.0))).isEqualTo(Duration.ofMinutes(4));
	}

	@Test
	void givesUpAfterTheLastAttempt() {
		assertThat(policy.allowsAnotherAttemptAfter(9)).isTrue();
		assertThat(policy.allowsAnotherAttemptAfter(10)).isFalse();
	}

	private static RandomGenerator fixed(double value) {
		return new RandomGenerator() {
			@Override
			public long nextLong() {
				throw new UnsupportedOperationException();
			}

			@Override
			public double nextDouble() {
				return value;
			}
		};
	}
}
