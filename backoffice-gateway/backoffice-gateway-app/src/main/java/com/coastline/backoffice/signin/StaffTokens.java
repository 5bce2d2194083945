package com.coastline.backoffice.signin;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * Swaps the browser's staff session cookie for a short-lived staff JWT at identity-service, for the gateway's
 * calls on the member's behalf; the browser never holds a JWT. One swap per request at most (the token is kept
 * on the request); nothing is kept across requests, so a sign-out, a removal or a role change applies to the very
 * next request.
 */
@Component
public class StaffTokens {

	private static final String ATTRIBUTE = StaffTokens.class.getName() + ".token";

	private final Identity identity;

	private final StaffCookies cookies;

	StaffTokens(Identity identity, StaffCookies cookies) {
		this.identity = identity;
		this.cookies = cookies;
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
		Optional<StaffToken> token = this.cookies.session(request).flatMap(this::swap);
		request.setAttribute(ATTRIBUTE, token);
		return token;
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
