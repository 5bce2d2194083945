package com.coastline.identity.portal.web;

import java.time.Instant;
import java.util.UUID;

import com.coastline.identity.portal.ClientTokens;
import com.coastline.identity.portal.PortalLinks;
import com.coastline.identity.portal.PortalSessions;
import com.coastline.identity.portal.SignInClock;
import com.coastline.identity.signin.SignInThrottles;
import com.coastline.identity.signin.SignInThrottles.PerIp;
import com.coastline.identity.token.SessionJwts;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in operations for the portal gateway (service token with scope {@code gateway}): redeem a
 * one-tap link for a new session, swap a session for a short-lived token, sign out. The gateway
 * relays the browser's IP and user agent, which identity trusts only from it. Every answer carries
 * {@code Cache-Control: no-store}.
 */
@RestController
@RequestMapping("/internal")
class GatewayController {

	static final String SCOPE = "gateway";

	private final PortalLinks links;

	private final PortalSessions sessions;

	private final ClientTokens tokens;

	private final SignInThrottles throttles;

	private final SignInClock clock;

	GatewayController(PortalLinks links, PortalSessions sessions, ClientTokens tokens, SignInThrottles throttles,
			SignInClock clock) {
		this.links = links;
		this.sessions = sessions;
		this.tokens = tokens;
		this.throttles = throttles;
		this.clock = clock;
	}

	record Redemption(String token, String ip, String userAgent) {
	}

	/** {@code sessionId} is the session's secret id (the cookie value): shown here once. */
	public record SessionStarted(String sessionId, UUID contactId, UUID workspaceId, UUID projectId, Instant expiresAt) {
	}

	record SessionRef(String sessionId, String ip, String userAgent) {
	}

	record AccessToken(String accessToken, String tokenType, long expiresIn) {
	}

	@PostMapping("/links/redeem")
	ResponseEntity<SessionStarted> redeem(@RequestBody Redemption request) {
		PortalLinks.Redeemed redeemed = this.links.redeem(request.token(), request.ip(), request.userAgent())
			.orElseThrow(() -> {
				// Counted only once failed, so that a valid link always works at once.
				this.throttles.count(PerIp.FAILED_REDEMPTION, request.ip(), request.userAgent(), null, this.clock.now());
				return new NotSignedIn();
			});
		PortalSessions.Session session = redeemed.session().session();
		return ResponseEntity.status(HttpStatus.CREATED)
			.cacheControl(CacheControl.noStore())
			.body(new SessionStarted(redeemed.session().secret(), session.contactId(), session.workspaceId(),
					session.projectId(), session.expiresAt()));
	}

	@PostMapping("/sessions/token")
	ResponseEntity<AccessToken> token(@RequestBody SessionRef request) {
		SessionJwts.Token token = this.tokens.exchange(request.sessionId()).orElseThrow(NotSignedIn::new);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new AccessToken(token.value(), "Bearer", token.expiresIn().toSeconds()));
	}

	/** Ends the session if it is live; answers the same for any other id. */
	@PostMapping("/sessions/sign-out")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void signOut(@RequestBody SessionRef request) {
		this.sessions.signOut(request.sessionId(), request.ip(), request.userAgent());
	}
}
