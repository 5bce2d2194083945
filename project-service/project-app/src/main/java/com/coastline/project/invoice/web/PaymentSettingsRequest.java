package com.coastline.project.invoice.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * @param provider {@code stripe}
 * @param connectedAccountId the workspace's Stripe Connect account, {@code acct_…}
 */
record PaymentSettingsRequest(@NotNull @Pattern(regexp = "stripe", message = "must be stripe") String provider,
		@NotNull @Pattern(regexp = "acct_[A-Za-z0-9]{1,100}", message = "must be a Stripe account id, acct_…") String connectedAccountId) {
}
