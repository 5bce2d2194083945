package com.coastline.identity.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time that decides link and session expiry, at the database's precision. A bean of its own, so
 * that tests can move it (30 days, 12 hours) without moving the clock that stamps tokens and events.
 */
public class SignInClock {

	private final Clock clock;

	public SignInClock(Clock clock) {
		this.clock = clock;
	}

	public Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}
}
