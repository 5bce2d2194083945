package com.coastline.portal.signin;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import com.coastline.platform.web.client.SessionTokenReuse;
import com.coastline.portal.config.PagesProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Swaps the browser's session cookie for a short-lived client JWT at identity-service, for the portal's calls
 * to other services on the client's behalf; the browser never holds a JWT. One swap per request at most (the
 * token is kept on the request), so a page that calls several services asks identity once.
 * <p>
 * Pages ({@code GET}) also reuse the token an earlier page of the same session got, for at most
 * {@link PagesProperties#tokenReuse()} (platform-web's {@link SessionTokenReuse}: never within
 * {@value SessionTokenReuse#EXPIRY_MARGIN_SECONDS} s of the token's expiry, each token's reuse a random part of that
 * time): a client reading several pages costs identity one swap per half minute instead of one per page. Forms (any
 * other method) always swap afresh, so a session that has ended can never act; it can read for at most that reuse
 * time after it ended elsewhere. A sign-out through this replica forgets the session's token at once
 * ({@link #forget}).
 */
@Component
public class ClientTokens {

	private static final String ATTRIBUTE = ClientTokens.class.getName() + ".token";

	private final IdentityGateway identity;

	private final PortalCookies cookies;

	private final SessionTokenReuse<ClientToken> recent;

	ClientTokens(IdentityGateway identity, PortalCookies cookies, PagesProperties pages, ObjectProvider<Clock> clock) {
		this.identity = identity;
		this.cookies = cookies;
		this.recent = new SessionTokenReuse<>(pages.tokenReuse(), clock.getIfAvailable(Clock::systemUTC),
				ClientToken::expiresAt);
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
		Optional<ClientToken> token = this.cookies.session(request)
			.flatMap((session) -> this.recent.token(session, request.getMethod(), this::swap));
		request.setAttribute(ATTRIBUTE, token);
		return token;
	}

	/** Forgets the session's token, so that the next page asks identity (which knows it has ended). */
	public void forget(String sessionId) {
		this.recent.forget(sessionId);
	}

	private Optional<ClientToken> swap(String sessionId) {
		try {
			return Optional.of(this.identity.token(sessionId));
		}
		catch (SignInRefusedException.SessionEnded ex) {
			return Optional.empty();
		}
	}
}
