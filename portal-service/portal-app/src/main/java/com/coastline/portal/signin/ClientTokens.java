package com.coastline.portal.signin;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * Swaps the browser's session cookie for a short-lived client JWT at identity-service, for the portal's calls
 * to other services on the client's behalf; the browser never holds a JWT. One swap per request at most (the
 * token is kept on the request), so a page that calls several services asks identity once; nothing is kept
 * across requests, so a sign-out or revocation applies to the very next page.
 */
@Component
public class ClientTokens {

	private static final String ATTRIBUTE = ClientTokens.class.getName() + ".token";

	private final IdentityGateway identity;

	private final PortalCookies cookies;

	ClientTokens(IdentityGateway identity, PortalCookies cookies) {
		this.identity = identity;
		this.cookies = cookies;
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
		Optional<ClientToken> token = this.cookies.session(request).flatMap(this::swap);
		request.setAttribute(ATTRIBUTE, token);
		return token;
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
