package com.coastline.backoffice.screens;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import com.coastline.backoffice.signin.StaffToken;
import com.coastline.backoffice.signin.StaffTokens;

import org.springframework.stereotype.Component;

/** What every screen starts with: the signed-in member's staff JWT, and ids from the address. */
@Component
public class StaffPages {

	private final StaffTokens tokens;

	StaffPages(StaffTokens tokens) {
		this.tokens = tokens;
	}

	/**
	 * The signed-in member's token.
	 * @throws SignInRequiredException without a live staff session (the screens redirect to sign-in)
	 */
	public StaffToken staff(HttpServletRequest request) {
		return this.tokens.current(request).orElseThrow(SignInRequiredException::new);
	}

	/** The member's token if signed in. */
	public Optional<StaffToken> signedIn(HttpServletRequest request) {
		return this.tokens.current(request);
	}

	/**
	 * An id from the address.
	 * @throws NotFoundException unless it is a UUID (a mistyped address is a page that is not there)
	 */
	public static UUID id(String value, String what) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException(what);
		}
	}
}
