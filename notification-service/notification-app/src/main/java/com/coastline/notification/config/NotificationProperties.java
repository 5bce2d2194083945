package com.coastline.notification.config;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the email sender ({@code coastline.notification.*}).
 *
 * @param sendInterval pause between two runs of the sender
 * @param batchSize at most this many deliveries are claimed per run and replica
 * @param lease how long a claimed delivery belongs to the replica sending it; after that it is due again
 * (the replica is presumed dead), so keep it well above a batch's worst-case SMTP time
 * @param maxAttempts attempts before a delivery fails for good
 * @param initialBackoff wait after the first failed attempt; doubles with each further attempt
 * @param maxBackoff the longest wait between two attempts
 * @param jitter random share (0–1) added to or taken from each wait, so that retries after an outage spread out
 * @param from the sender address of every email
 * @param senders worker threads sending in parallel, each with its own claims; a crash sends at most this many
 * emails twice (1: at most one duplicate per crash; 0: no background sending, for tests that drive the sender)
 * @param undeliverableFor how long an address that an SMTP server rejected for good (5xx for the recipient)
 * stays undeliverable in its workspace: emails to it fail at once, except sign-in codes; zero marks nothing
 */
@Validated
@ConfigurationProperties("coastline.notification")
public record NotificationProperties(@DefaultValue("500ms") @NotNull Duration sendInterval,
		@DefaultValue("20") @Min(1) @Max(500) int batchSize, @DefaultValue("5m") @NotNull Duration lease,
		@DefaultValue("10") @Min(1) @Max(100) int maxAttempts, @DefaultValue("1s") @NotNull Duration initialBackoff,
		@DefaultValue("5m") @NotNull Duration maxBackoff,
		@DefaultValue("0.2") @DecimalMin("0.0") @DecimalMax("1.0") double jitter,
		@DefaultValue("Coastline <no-reply@coastline.localhost>") @NotBlank String from,
		@DefaultValue("7d") @NotNull Duration undeliverableFor, @DefaultValue("4") @Min(0) @Max(64) int senders) {

	public NotificationProperties {
		if (undeliverableFor != null && undeliverableFor.isNegative()) {
			throw new IllegalArgumentException("coastline.notification.undeliverable-for must not be negative");
		}
	}
}
