package com.coastline.notification.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: exponential backoff from {@code initialBackoff} (1 s, 2 s, 4 s, …)
 * up to {@code maxBackoff}, each wait moved at random by up to {@code jitter} of itself so that deliveries
 * that failed together (an SMTP outage) do not all come back at once; after {@code maxAttempts} it gives up.
 *
 * @param maxAttempts attempts before a delivery fails for good
 * @param initialBackoff wait after the first failed attempt
 * @param maxBackoff the longest wait
 * @param jitter random share of each wait, 0–1
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter) {

	public RetryPolicy {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1");
		}
		if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
			throw new IllegalArgumentException("Backoff must be positive, initial ≤ max");
		}
		if (jitter < 0 || jitter > 1) {
			throw new IllegalArgumentException("jitter must be within 0–1");
		}
	}

	/** Whether a delivery that has failed {@code attempts} times may be tried again. */
	public boolean allowsAnotherAttemptAfter(int attempts) {
		return attempts < maxAttempts;
	}

	/** The wait after the {@code attempts}-th failed attempt (1 = the first). */
	public Duration backoffAfter(int attempts, RandomGenerator random) {
		int doublings = Math.min(Math.max(attempts, 1) - 1, 30);
		long nominal = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << doublings);
		double shift = jitter * (2 * random.nextDouble() - 1);
		long jittered = Math.round(nominal * (1 + shift));
		return Duration.ofMillis(Math.max(1, Math.min(maxBackoff.toMillis(), jittered)));
	}
}
