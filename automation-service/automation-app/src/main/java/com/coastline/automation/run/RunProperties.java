package com.coastline.automation.run;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the run processor ({@code coastline.automation.runs.*}).
 *
 * @param interval pause between two runs of the processor
 * @param batchSize at most this many runs are claimed per pass and replica
 * @param lease how long a claimed run belongs to its processor; after that it is due again (the processor is
 * presumed dead), so keep it well above the worst case of one run (identity's timeouts and retries)
 * @param maxAttempts attempts before a run fails for good (each waits longer: with the defaults a run keeps
 * trying for about three hours, through an identity-service outage or a late contact)
 * @param initialBackoff wait after the first failed attempt; doubles with each further attempt
 * @param maxBackoff the longest wait between two attempts
 * @param jitter random share (0–1) added to or taken from each wait, so that retries after an outage spread out
 * @param workers passes of the processor that may run at once in this replica when new runs wake it, so that a run
 * waiting on identity-service does not hold up the runs behind it
 */
@Validated
@ConfigurationProperties("coastline.automation.runs")
public record RunProperties(@DefaultValue("1s") @NotNull Duration interval,
		@DefaultValue("20") @Min(1) @Max(500) int batchSize, @DefaultValue("2m") @NotNull Duration lease,
		@DefaultValue("25") @Min(1) @Max(1000) int maxAttempts, @DefaultValue("2s") @NotNull Duration initialBackoff,
		@DefaultValue("10m") @NotNull Duration maxBackoff,
		@DefaultValue("0.2") @DecimalMin("0.0") @DecimalMax("1.0") double jitter,
		@DefaultValue("4") @Min(1) @Max(32) int workers) {

	/** The wait before the attempt after {@code attempts} failed ones, jittered by {@code random} in [0, 1). */
	Duration backoff(int attempts, double random) {
		double base = initialBackoff.toMillis() * Math.pow(2, Math.max(0, attempts - 1));
		double capped = Math.min(base, maxBackoff.toMillis());
		double jittered = capped * (1 + jitter * (2 * random - 1));
		return Duration.ofMillis(Math.max(1, Math.round(jittered)));
	}
}
