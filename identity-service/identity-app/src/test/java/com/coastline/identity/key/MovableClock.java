package com.coastline.identity.key;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A clock for key rings of a test: fixed at the real time it was made (to the microsecond, as PostgreSQL
 * keeps it), moved only by the test.
 */
class MovableClock extends Clock {

	private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

	void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException();
	}
}
