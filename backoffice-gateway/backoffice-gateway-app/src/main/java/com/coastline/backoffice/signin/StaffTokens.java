package com.coastline.backoffice.signin;

import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import com.coastline.backoffice.config.GatewayProperties;
import com.coastline.platform.web.client.SessionTokenReuse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Swaps the browser's staff session cookie for a short-lived staff JWT at identity-service, for the gateway's
 * calls on the member's behalf; the browser never holds a JWT. One swap per request at most (the token is kept
 * on the request).
 * <p>
 * Reads ({@code GET}, {@code HEAD}: screens and API reads) also reuse the token an earlier request of the same
 * session got, for at most {@link GatewayProperties#tokenReuse()} (platform-web's {@link SessionTokenReuse}: never
 * within {@value SessionTokenReuse#EXPIRY_MARGIN_SECONDS} s of the token's expiry, each token's reuse a random part
 * of that time): a member working in the back office costs identity one swap per half minute of reading instead of
 * one per request. Writes (any other method) always swap afresh, so a session that has ended, a removed member or a
 * changed role applies to the very next write; a session that ended elsewhere (identity ended it: a removal, another
 * replica's sign-out) can read for at most that reuse time, less than the life of a token identity had already
 * issued. A sign-out through this replica forgets the session's token at once ({@link #forget}).
 */
@Component
public class StaffTokens {

	private static final String ATTRIBUTE = StaffTokens.class.getName() + ".token";

	private final Identity identity;

	private final StaffCookies cookies;

	private final SessionTokenReuse<StaffToken> recent;

	StaffTokens(Identity identity, StaffCookies cookies, GatewayProperties gateway, ObjectProvider<Clock> clock) {
		this.identity = identity;
		this.cookies = cookies;
		this.recent = new SessionTokenReuse<>(gateway.tokenReuse(), clock.getIfAvailable(Clock::systemUTC),
				StaffToken::expiresAt);
	}

	/**
	 * The signed-in member's token; empty without a live staff session.
	 * @throws IdentityUnavailableException when identity-service does not answer
	 */
	@SuppressWarnings("unchecked")
	public Optional<StaffToken> current(HttpServletRequest request) {
		Object cached = request.getAttribute(ATTRIBUTE);
		if (cached instanceof Optional<?> known) {
			return (Optional<StaffToken>) known;
		}
		Optional<StaffToken> token = this.cookies.session(request)
			.flatMap((session) -> this.recent.token(session, request.getMethod(), this::swap));
		request.setAttribute(ATTRIBUTE, token);
		return token;
	}

	/** Forgets the session's token, so that its next request asks identity (which knows it has ended). */
	public void forget(String sessionId) {
		this.recent.forget(sessionId);
	}

	private Optional<StaffToken> swap(String sessionId) {
		try {
			return Optional.of(this.identity.token(sessionId));
		}
		catch (SignInRefusedException.SessionEnded ex) {
			return Optional.empty();
		}
	}
}
