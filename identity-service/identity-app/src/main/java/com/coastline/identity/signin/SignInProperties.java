package com.coastline.identity.signin;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Email-code sign-in (SECURITY.md, "Email code").
 *
 * @param pepper the HMAC keys that codes are stored under; the current one hashes new codes, the others
 * still verify codes issued before a rotation (keep them for the code lifetime)
 * @param codeLifetime how long a code works
 * @param attemptLifetime how long a sign-in attempt (the gateway's pre-session cookie) lasts
 * @param perIpRequests codes asked for from one IP address (over the limit: 429)
 * @param perIpVerifications codes tried from one IP address (over the limit: 429)
 * @param perIpFailedRedemptions failed one-tap link redemptions from one IP address (a valid link always works)
 * @param perIpSignUps workspaces signed up from one IP address through the back-office gateway (over the
 * limit: 429)
 * @param resendCooldown at most one code per email and source in this time (silently)
 * @param firstWait the wait after the first wrong code from a source, doubling with each further one
 * @param maxWait the longest such wait
 * @param dailyCap codes per email and source and day, a safety valve (silently)
 */
@Validated
@ConfigurationProperties("coastline.identity.sign-in")
public record SignInProperties(@Valid @NotNull Pepper pepper, @DefaultValue("10m") Duration codeLifetime,
		@DefaultValue("1h") Duration attemptLifetime, @Valid @NotNull Limit perIpRequests,
		@Valid @NotNull Limit perIpVerifications,
		@Valid @NotNull Limit perIpFailedRedemptions, @Valid @NotNull Limit perIpSignUps,
		@DefaultValue("60s") Duration resendCooldown, @DefaultValue("30s") Duration firstWait,
		@DefaultValue("1h") Duration maxWait, @DefaultValue("10") @Min(1) int dailyCap) {

	/**
	 * @param currentId the key id new codes are hashed with
	 * @param keys key id → secret (at least 32 bytes of entropy, any text)
	 */
	public record Pepper(@NotBlank String currentId, @NotEmpty Map<String, @NotBlank String> keys) {

		/** A record's default would print the keys. */
		@Override
		public String toString() {
			return "Pepper[currentId=" + this.currentId + ", keys=" + this.keys.keySet() + "]";
		}
	}

	/**
	 * @param limit how many in a window
	 * @param window the fixed window
	 */
	public record Limit(@Min(1) int limit, @NotNull Duration window) {
	}
}
