package com.coastline.identity.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The sign-in clock of the tests: real time moved forward by what a test asks for. */
public class MovableSignInClock extends SignInClock {

	private volatile Duration offset = Duration.ZERO;

	public MovableSignInClock() {
		super(Clock.systemUTC());
	}

	@Override
	public Instant now() {
		return super.now().plus(this.offset);
	}

	public void advance(Duration duration) {
		this.offset = this.offset.plus(duration);
	}

	public void reset() {
		this.offset = Duration.ZERO;
	}
}
