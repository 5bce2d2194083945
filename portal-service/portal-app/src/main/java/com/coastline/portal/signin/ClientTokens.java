package com.coastline.portal.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.HttpServletRequest;

import com.coastline.portal.config.PagesProperties;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Swaps the browser's session cookie for a short-lived client JWT at identity-service, for the portal's calls
 * to other services on the client's behalf; the browser never holds a JWT. One swap per request at most (the
 * token is kept on the request), so a page that calls several services asks identity once.
 * <p>
 * Pages ({@code GET}) also reuse the token an earlier page of the same session got, for at most
 * {@link PagesProperties#tokenReuse()} and never later than {@value #EXPIRY_MARGIN_SECONDS} s before the token
 * expires: a client reading several pages costs identity one swap per half minute instead of one per page. Each
 * token's reuse is a random part of that time, between half and all of it ({@link #reusableFor}), so that sessions
 * begun together do not all swap again together, period after period. Forms
 * (any other method) always swap afresh, so a session that has ended can never act; it can read for at most that
 * reuse time after it ended elsewhere (identity ended it: a revocation, the back office, another replica's
 * sign-out), which is shorter than the life of any token identity issued before. A sign-out through this replica
 * forgets the session's token at once ({@link #forget}). Only a successful swap is remembered.
 */
@Component
public class ClientTokens {

	static final long EXPIRY_MARGIN_SECONDS = 10;

	private static final String ATTRIBUTE = ClientTokens.class.getName() + ".token";

	private static final int MAX_SESSIONS = 10_000;

	private final IdentityGateway identity;

	private final PortalCookies cookies;

	private final Clock clock;

	private final Duration reuse;

	private final Cache<String, Reusable> recent;

	ClientTokens(IdentityGateway identity, PortalCookies cookies, PagesProperties pages, ObjectProvider<Clock> clock) {
		this.identity = identity;
		this.cookies = cookies;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.reuse = pages.tokenReuse();
		this.recent = Caffeine.newBuilder()
			.maximumSize(MAX_SESSIONS)
			.expireAfter(Expiry.creating((String session, Reusable reusable) -> reusable.leftAt(this.clock.instant())))
			.build();
	}

	/**
	 * The signed-in client's token for this portal's workspace; empty without a live session, or for a session
	 * of another workspace's portal (one browser, two contractors' portals on one origin).
	 * @throws IdentityUnavailableException when identity-service does not answer
	 */
	public Optional<ClientToken> current(HttpServletRequest request, UUID workspaceId) {
		return anyWorkspace(request).filter((candidate) -> candidate.workspaceId().equals(workspaceId));
	}

	/**
	 * The signed-in client's token, whichever workspace's portal the session is of: for an address that names
	 * no portal (the payment provider's return address), to find the client's portal. Empty without a live session.
	 * @throws IdentityUnavailableException when identity-service does not answer
	 */
	@SuppressWarnings("unchecked")
	public Optional<ClientToken> anyWorkspace(HttpServletRequest request) {
		Object cached = request.getAttribute(ATTRIBUTE);
		if (cached instanceof Optional<?> known) {
			return (Optional<ClientToken>) known;
		}
		boolean page = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
		Optional<ClientToken> token = this.cookies.session(request)
			.flatMap((session) -> page ? reused(session) : swap(session));
		request.setAttribute(ATTRIBUTE, token);
		return token;
	}

	/** Forgets the session's token, so that the next page asks identity (which knows it has ended). */
	public void forget(String sessionId) {
		this.recent.invalidate(sessionId);
	}

	private Optional<ClientToken> reused(String sessionId) {
		Reusable known = this.recent.getIfPresent(sessionId);
		if (known != null && known.leftAt(this.clock.instant()).isPositive()) {
			return Optional.of(known.token());
		}
		return swap(sessionId);
	}

	private Optional<ClientToken> swap(String sessionId) {
		try {
			ClientToken token = this.identity.token(sessionId);
			Instant now = this.clock.instant();
			this.recent.put(sessionId, new Reusable(token,
					now.plus(reusableFor(token, now, this.reuse, ThreadLocalRandom.current().nextDouble()))));
			return Optional.of(token);
		}
		catch (SignInRefusedException.SessionEnded ex) {
			this.recent.invalidate(sessionId);
			return Optional.empty();
		}
	}

	/**
	 * How long pages may reuse a token just swapped: between half and all of the reuse time, by {@code draw} (0 to
	 * 1), and never past {@value #EXPIRY_MARGIN_SECONDS} s before it expires. Without the spread, 500 sessions begun
	 * within two seconds swapped again within two seconds every 30 s, a burst of identity's CPU that greyed out
	 * pages on a busy machine (docs/benchmarks.md, session 19); with it, their swaps spread over 15 s, then wider at
	 * every period.
	 */
	static Duration reusableFor(ClientToken token, Instant now, Duration reuse, double draw) {
		Duration spread = Duration.ofMillis(Math.round(reuse.toMillis() * (0.5 + 0.5 * draw)));
		Duration untilMargin = Duration.between(now, token.expiresAt().minusSeconds(EXPIRY_MARGIN_SECONDS));
		Duration allowed = (untilMargin.compareTo(spread) < 0) ? untilMargin : spread;
		return allowed.isNegative() ? Duration.ZERO : allowed;
	}

	/** A session's token, and until when pages may reuse it. */
	private record Reusable(ClientToken token, Instant until) {

		Duration leftAt(Instant now) {
			Duration left = Duration.between(now, this.until);
			return left.isNegative() ? Duration.ZERO : left;
		}
	}
}
