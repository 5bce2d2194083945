package com.coastline.portal.signin;

import java.time.Duration;

/**
 * identity-service answered, and said no: a sign-in the client may retry differently. Not a failure of
 * identity-service (the circuit breaker ignores these); each subtype is a page of its own.
 */
public abstract class SignInRefusedException extends RuntimeException {

	SignInRefusedException(String message) {
		super(message);
	}

	/** The link is unknown, expired, revoked, or of an archived contact (identity does not say which). */
	public static final class LinkRefused extends SignInRefusedException {

		LinkRefused() {
			super("The link does not work any more");
		}
	}

	/** The portal session is unknown, ended or expired. */
	public static final class SessionEnded extends SignInRefusedException {

		SessionEnded() {
			super("The session has ended");
		}
	}

	/** A wrong code; {@code attemptsLeft} 0 means the code is burnt (or the attempt is over): ask for a new one. */
	public static final class CodeRefused extends SignInRefusedException {

		private final int attemptsLeft;

		CodeRefused(int attemptsLeft) {
			super("The code was refused");
			this.attemptsLeft = attemptsLeft;
		}

		public int attemptsLeft() {
			return this.attemptsLeft;
		}
	}

	/** identity refused the input itself (an email it cannot send to, a code that is not 6 digits). */
	public static final class InvalidInput extends SignInRefusedException {

		InvalidInput() {
			super("identity-service refused the input");
		}
	}

	/** Too many tries from this network: wait {@code retryAfter}. */
	public static final class Throttled extends SignInRefusedException {

		private final Duration retryAfter;

		Throttled(Duration retryAfter) {
			super("Too many sign-in tries");
			this.retryAfter = retryAfter;
		}

		public Duration retryAfter() {
			return this.retryAfter;
		}
	}
}
