package com.coastline.backoffice.signin;

import java.time.Duration;

/** identity-service's refusals of a sign-in step: answers to show, not failures of identity. */
public abstract sealed class SignInRefusedException extends RuntimeException {

	SignInRefusedException(String message) {
		super(message, null, false, false);
	}

	/** The email or code is malformed (identity's 400). */
	public static final class InvalidInput extends SignInRefusedException {

		InvalidInput() {
			super("Invalid input");
		}
	}

	/** A wrong, used or burnt code; {@code attemptsLeft} 0 means a new code is needed. */
	public static final class CodeRefused extends SignInRefusedException {

		private final int attemptsLeft;

		CodeRefused(int attemptsLeft) {
			super("Code refused");
			this.attemptsLeft = attemptsLeft;
		}

		public int attemptsLeft() {
			return this.attemptsLeft;
		}
	}

	/** Too many tries from this address: identity's 429 and its {@code Retry-After}. */
	public static final class Throttled extends SignInRefusedException {

		private final Duration retryAfter;

		Throttled(Duration retryAfter) {
			super("Throttled");
			this.retryAfter = retryAfter;
		}

		public Duration retryAfter() {
			return this.retryAfter;
		}
	}

	/** An unknown, ended or expired staff session, or a removed member (identity's 401). */
	public static final class SessionEnded extends SignInRefusedException {

		SessionEnded() {
			super("Session ended");
		}
	}
}
