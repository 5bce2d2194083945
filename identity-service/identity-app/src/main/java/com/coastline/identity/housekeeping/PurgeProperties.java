package com.coastline.identity.housekeeping;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long sign-in records are kept after they stop mattering, and how the purge works through them.
 *
 * @param interval the pause between two runs of the purge (one replica at a time)
 * @param keep how long ended or expired sessions, and expired or revoked links, stay for the back office
 * and support (default 30 days)
 * @param auditKeep how long audit events stay (default 400 days: a year and a bit, for yearly reviews)
 * @param batchSize rows deleted per statement, so that a backlog never holds long locks
 */
@Validated
@ConfigurationProperties("coastline.identity.purge")
public record PurgeProperties(@DefaultValue("1h") @NotNull Duration interval, @DefaultValue("30d") @NotNull Duration keep,
		@DefaultValue("400d") @NotNull Duration auditKeep, @DefaultValue("1000") @Positive @Max(10_000) int batchSize) {

	public PurgeProperties {
		for (Duration duration : new Duration[] { interval, keep, auditKeep }) {
			if (duration != null && !duration.isPositive()) {
				throw new IllegalArgumentException("coastline.identity.purge durations must be positive");
			}
		}
	}
}
