package com.coastline.notification.delivery;

/**
 * Where an email delivery stands.
 * <pre>
 * PENDING ──claim──▶ SENDING ──accepted──▶ SENT
 *    ▲                 │ ├──recipient rejected (5xx), last attempt failed, or address undeliverable──▶ FAILED
 *    └─ failed attempt ┘ └──circuit open (no attempt) / lease expired──▶ due again
 * </pre>
 */
public enum DeliveryStatus {

	/** Waiting for its next attempt ({@code nextAttemptAt}). */
	PENDING,

	/** Claimed by one sender until {@code leaseUntil}; due again after that if the sender died. */
	SENDING,

	/** The SMTP server accepted it. Final. */
	SENT,

	/** Given up: recipient rejected, attempts exhausted, or the address is marked undeliverable. Final. */
	FAILED
}
