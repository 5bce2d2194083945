package com.coastline.backoffice.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.coastline.backoffice.config.GatewayProperties;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The back office's two cookies (SECURITY.md): the staff session (identity's opaque session id) and the sign-in
 * attempt of the email code (a pre-session secret, for an hour). Both {@code HttpOnly}, {@code SameSite=Lax},
 * {@code Path=/}, and, when served securely, {@code Secure} with the {@code __Host-} prefix (bound to this origin,
 * no {@code Domain}). Their names differ from the portal's, since cookies do not separate by port.
 */
@Component
public class StaffCookies {

	/** identity keeps a sign-in attempt for an hour. */
	static final Duration ATTEMPT_LIFETIME = Duration.ofHours(1);

	private final GatewayProperties gateway;

	private final Clock clock;

	private final String sessionName;

	private final String attemptName;

	StaffCookies(GatewayProperties gateway, Clock clock) {
		this.gateway = gateway;
		this.clock = clock;
		this.sessionName = gateway.cookieName("coastline-staff-session");
		this.attemptName = gateway.cookieName("coastline-staff-attempt");
	}

	public String sessionName() {
		return this.sessionName;
	}

	public String attemptName() {
		return this.attemptName;
	}

	/** The session id the browser sent, if any. */
	public Optional<String> session(HttpServletRequest request) {
		return read(request, this.sessionName);
	}

	/** The sign-in attempt the browser sent, if any. */
	public Optional<String> attempt(HttpServletRequest request) {
		return read(request, this.attemptName);
	}

	/** Keeps the new session until its absolute end; a sign-in also ends the attempt that led to it. */
	public void signedIn(HttpServletResponse response, StaffSession session) {
		Duration left = (session.expiresAt() != null) ? Duration.between(Instant.now(this.clock), session.expiresAt())
				: Duration.ofHours(12);
		write(response, this.sessionName, session.sessionId(), left.isNegative() ? Duration.ZERO : left);
		clearAttempt(response);
	}

	public void clearSession(HttpServletResponse response) {
		write(response, this.sessionName, "", Duration.ZERO);
	}

	public void attemptStarted(HttpServletResponse response, String attempt) {
		write(response, this.attemptName, attempt, ATTEMPT_LIFETIME);
	}

	public void clearAttempt(HttpServletResponse response) {
		write(response, this.attemptName, "", Duration.ZERO);
	}

	private void write(HttpServletResponse response, String name, String value, Duration maxAge) {
		ResponseCookie cookie = ResponseCookie.from(name, value)
			.httpOnly(true)
			.secure(this.gateway.secureCookies())
			.sameSite("Lax")
			.path("/")
			.maxAge(maxAge)
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	private static Optional<String> read(HttpServletRequest request, String name) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (name.equals(cookie.getName()) && cookie.getValue() != null && !cookie.getValue().isBlank()) {
				return Optional.of(cookie.getValue());
			}
		}
		return Optional.empty();
	}
}
