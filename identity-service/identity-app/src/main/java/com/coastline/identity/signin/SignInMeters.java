package com.coastline.identity.signin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The business meters of sign-in (README, "Metrics"): sign-ins by audience, method and outcome, links
 * issued by kind of issuer, codes requested by outcome, and sessions ended by reason. Every counter is registered at start-up for
 * every tag value it can take, so that each series is exported at 0 before its first use and the
 * dashboards and alerts never query a missing series. The tag values are a small fixed set: an
 * unknown value is a programming error.
 */
@Component
public class SignInMeters {

	public static final String SIGN_INS = "coastline.identity.sign.ins";

	public static final String LINKS_ISSUED = "coastline.identity.links.issued";

	public static final String CODES_REQUESTED = "coastline.identity.codes.requested";

	public static final String SESSIONS_ENDED = "coastline.identity.sessions.ended";

	public static final String CLIENT = "client";

	public static final String STAFF = "staff";

	public static final String LINK = "link";

	public static final String CODE = "code";

	/** A session opened. */
	public static final String SUCCESS = "success";

	/** A link token that names no link (or is malformed). */
	public static final String INVALID = "invalid";

	/** A link past its 30 days; a code attempt or code that is no longer live (expired, burned, used). */
	public static final String EXPIRED = "expired";

	/** A revoked link (by staff, reissued, email changed, contact archived). */
	public static final String REVOKED = "revoked";

	/** A live link whose contact is archived or whose workspace's portal is deactivated. */
	public static final String INACTIVE = "inactive";

	/** A wrong code. */
	public static final String WRONG_CODE = "wrong-code";

	/** The right code for an email that no longer signs in as anyone. */
	public static final String NO_ACCOUNT = "no-account";

	/** Refused by the per-IP limit (429). */
	public static final String THROTTLED = "throttled";

	/** A code emailed. */
	public static final String SENT = "sent";

	/** A code for an email not on file (never mailed). */
	public static final String UNKNOWN_EMAIL = "unknown-email";

	/** A session ended by its holder. */
	public static final String SIGN_OUT = "sign-out";

	/**
	 * A session ended by someone else or by a change: the back office's "end all", its link revoked or
	 * reissued, the contact's email changed or the contact archived, the portal deactivated.
	 */
	public static final String ENDED = "ended";

	/** The outcomes of each (audience, method) that exists. */
	private static final Map<String, List<String>> OUTCOMES = Map.of(CLIENT + "/" + LINK,
			List.of(SUCCESS, INVALID, EXPIRED, REVOKED, INACTIVE), CLIENT + "/" + CODE,
			List.of(SUCCESS, WRONG_CODE, EXPIRED, NO_ACCOUNT, THROTTLED), STAFF + "/" + CODE,
			List.of(SUCCESS, WRONG_CODE, EXPIRED, NO_ACCOUNT, THROTTLED));

	private final Map<String, Counter> signIns = new HashMap<>();

	private final Map<String, Counter> linksIssued = new HashMap<>();

	private final Map<String, Counter> codesRequested = new HashMap<>();

	private final Map<String, Counter> sessionsEnded = new HashMap<>();

	SignInMeters(MeterRegistry registry) {
		OUTCOMES.forEach((key, outcomes) -> {
			String[] audienceAndMethod = key.split("/");
			for (String outcome : outcomes) {
				this.signIns.put(key + "/" + outcome, Counter.builder(SIGN_INS)
					.description("Sign-in attempts that ended, by audience, method and outcome")
					.tag("audience", audienceAndMethod[0])
					.tag("method", audienceAndMethod[1])
					.tag("outcome", outcome)
					.register(registry));
			}
		});
		for (String issuer : List.of(STAFF, "service")) {
			this.linksIssued.put(issuer, Counter.builder(LINKS_ISSUED)
				.description("One-tap links issued, by staff (back office) or a service client (automation)")
				.tag("issuer", issuer)
				.register(registry));
		}
		for (String audience : List.of(CLIENT, STAFF)) {
			for (String outcome : List.of(SENT, UNKNOWN_EMAIL, THROTTLED)) {
				this.codesRequested.put(audience + "/" + outcome, Counter.builder(CODES_REQUESTED)
					.description("Sign-in code requests, by audience and outcome (throttled: not sent, per email or IP)")
					.tag("audience", audience)
					.tag("outcome", outcome)
					.register(registry));
			}
		}
		for (String key : List.of(CLIENT + "/" + SIGN_OUT, CLIENT + "/" + ENDED, STAFF + "/" + SIGN_OUT)) {
			String[] audienceAndReason = key.split("/");
			this.sessionsEnded.put(key, Counter.builder(SESSIONS_ENDED)
				.description("Sessions ended before they expired, by audience and reason (expiry is not counted)")
				.tag("audience", audienceAndReason[0])
				.tag("reason", audienceAndReason[1])
				.register(registry));
		}
	}

	/** Counts one sign-in attempt that ended with the outcome. */
	public void signIn(String audience, String method, String outcome) {
		counter(this.signIns, audience + "/" + method + "/" + outcome).increment();
	}

	/** Counts one link issued; {@code service} when a service client issued it, else {@code staff}. */
	public void linkIssued(boolean byService) {
		counter(this.linksIssued, byService ? "service" : STAFF).increment();
	}

	/** Counts one code request with the outcome. */
	public void codeRequested(String audience, String outcome) {
		counter(this.codesRequested, audience + "/" + outcome).increment();
	}

	/** Counts sessions ended (none when {@code count} is 0). */
	public void sessionsEnded(String audience, String reason, int count) {
		counter(this.sessionsEnded, audience + "/" + reason).increment(count);
	}

	private static Counter counter(Map<String, Counter> counters, String key) {
		Counter counter = counters.get(key);
		if (counter == null) {
			throw new IllegalArgumentException("No meter for " + key);
		}
		return counter;
	}
}
