package com.coastline.platform.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A clock for a test: fixed where it starts, moved only by the test (UTC). */
public final class MovableClock extends Clock {

	private volatile Instant now;

	/** Starts at the real time (to the microsecond, as PostgreSQL keeps it). */
	public MovableClock() {
		this(Instant.now().truncatedTo(ChronoUnit.MICROS));
	}

	public MovableClock(Instant start) {
		this.now = start;
	}

	public void advance(Duration duration) {
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
