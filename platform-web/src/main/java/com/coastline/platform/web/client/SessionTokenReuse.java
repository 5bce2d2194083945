package com.coastline.platform.web.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * A gateway's memory of the short-lived JWTs (at most 60 s) it swapped browser sessions for at identity-service, so
 * that a session's reads reuse one for a while instead of asking identity on every request.
 * <p>
 * Reads ({@code GET}, {@code HEAD}) reuse the token an earlier request of the same session got, for at most the
 * reuse time and never later than {@value #EXPIRY_MARGIN_SECONDS} s before the token expires; each token's reuse is
 * a random part of that time, between half and all of it ({@link #reusableFor}), so that sessions begun together do
 * not all swap again together, period after period. Anything else (a form, an API write) always swaps afresh, so a
 * session that has ended can never act; it can read for at most the reuse time after it ended elsewhere (identity
 * ended it: a revocation, a removal, another replica's sign-out), which is shorter than the life of any token
 * identity issued before. A sign-out through this replica forgets the session's token at once ({@link #forget}).
 * Only a successful swap is remembered; a session identity says has ended is forgotten. In memory, at most
 * {@value #MAX_SESSIONS} sessions per replica (the least recently used are forgotten first).
 *
 * @param <T> the gateway's token type
 */
public final class SessionTokenReuse<T> {

	/** A token is never reused within this many seconds of its expiry. */
	public static final long EXPIRY_MARGIN_SECONDS = 10;

	private static final int MAX_SESSIONS = 10_000;

	private final Duration reuse;

	private final Clock clock;

	private final Function<T, Instant> expiresAt;

	private final Cache<String, Reusable<T>> recent;

	/**
	 * @param reuse how long reads may at most reuse a session's token ({@code 0s}: every request swaps)
	 * @param clock the clock the tokens' expiry is read against
	 * @param expiresAt a token's {@code exp}
	 */
	public SessionTokenReuse(Duration reuse, Clock clock, Function<T, Instant> expiresAt) {
		this.reuse = reuse;
		this.clock = clock;
		this.expiresAt = expiresAt;
		this.recent = Caffeine.newBuilder()
			.maximumSize(MAX_SESSIONS)
			.expireAfter(Expiry.creating((String session, Reusable<T> reusable) -> reusable.leftAt(this.clock.instant())))
			.build();
	}

	/**
	 * The session's token: for a read, one swapped earlier while it is reusable; otherwise {@code swap}'s.
	 * @param sessionId the browser's session id
	 * @param method the request's HTTP method
	 * @param swap asks identity for a token; empty when the session has ended
	 * @return the token, or empty when the session has ended
	 */
	public Optional<T> token(String sessionId, String method, Function<String, Optional<T>> swap) {
		if ("GET".equals(method) || "HEAD".equals(method)) {
			Reusable<T> known = this.recent.getIfPresent(sessionId);
			if (known != null && known.leftAt(this.clock.instant()).isPositive()) {
				return Optional.of(known.token());
			}
		}
		Optional<T> token = swap.apply(sessionId);
		if (token.isEmpty()) {
			this.recent.invalidate(sessionId);
			return token;
		}
		Instant now = this.clock.instant();
		Duration reusable = reusableFor(this.expiresAt.apply(token.get()), now, this.reuse,
				ThreadLocalRandom.current().nextDouble());
		if (reusable.isPositive()) {
			this.recent.put(sessionId, new Reusable<>(token.get(), now.plus(reusable)));
		}
		return token;
	}

	/** Forgets the session's token, so that its next request asks identity (which knows it has ended). */
	public void forget(String sessionId) {
		this.recent.invalidate(sessionId);
	}

	/**
	 * How long reads may reuse a token just swapped: between half and all of the reuse time, by {@code draw} (0 to
	 * 1), and never past {@value #EXPIRY_MARGIN_SECONDS} s before it expires. Without the spread, 500 sessions begun
	 * within two seconds swapped again within two seconds every 30 s, a burst of identity's CPU that greyed out
	 * portal pages on a busy machine (docs/benchmarks.md, session 19); with it, their swaps spread over 15 s, then
	 * wider at every period.
	 */
	static Duration reusableFor(Instant expiresAt, Instant now, Duration reuse, double draw) {
		Duration spread = Duration.ofMillis(Math.round(reuse.toMillis() * (0.5 + 0.5 * draw)));
		Duration untilMargin = Duration.between(now, expiresAt.minusSeconds(EXPIRY_MARGIN_SECONDS));
		Duration allowed = (untilMargin.compareTo(spread) < 0) ? untilMargin : spread;
		return allowed.isNegative() ? Duration.ZERO : allowed;
	}

	/** A session's token, and until when reads may reuse it. */
	private record Reusable<T>(T token, Instant until) {

		Duration leftAt(Instant now) {
			Duration left = Duration.between(now, this.until);
			return left.isNegative() ? Duration.ZERO : left;
		}
	}
}
