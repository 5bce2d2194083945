package com.coastline.backoffice.screens.automations;

import java.util.Map;

/** What a service's answer means for the automation pages; each is answered by a page, never a 500. */
abstract sealed class ScreenException extends RuntimeException {

	ScreenException(String message) {
		super(message, null, false, false);
	}

	/** The service did not answer, answered 5xx or something the pages cannot use: the "unavailable" page. */
	static final class Unavailable extends ScreenException {

		Unavailable(String service) {
			super(service + " is unavailable");
		}
	}

	/** The service's 404 (unknown, or another workspace's id): the 404 page. */
	static final class NotFound extends ScreenException {

		NotFound() {
			super("not found");
		}
	}

	/** No live staff session, or the service did not accept the member's token: to sign-in. */
	static final class SignInNeeded extends ScreenException {

		SignInNeeded() {
			super("sign-in needed");
		}
	}

	/** The service's 400/422: the form again, with the errors by the field. */
	static final class Refused extends ScreenException {

		private final String detail;

		private final Map<String, String> errors;

		Refused(String detail, Map<String, String> errors) {
			super("refused: " + detail);
			this.detail = detail;
			this.errors = Map.copyOf(errors);
		}

		String detail() {
			return this.detail;
		}

		/** The problem's {@code errors} by field ({@code name}, {@code actions[0].subject}, …). */
		Map<String, String> errors() {
			return this.errors;
		}
	}

	/** The service's 409 (a stale version, a run that cannot be retried). */
	static final class Conflict extends ScreenException {

		private final String detail;

		Conflict(String detail) {
			super("conflict: " + detail);
			this.detail = detail;
		}

		String detail() {
			return this.detail;
		}
	}
}
