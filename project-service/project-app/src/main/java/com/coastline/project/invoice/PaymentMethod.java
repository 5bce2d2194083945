package com.coastline.project.invoice;

/** How a payment reached the contractor. */
public enum PaymentMethod {

	/** Recorded by staff: a cheque, a bank transfer, cash. */
	OFFLINE,

	/** Through the payment provider, confirmed by its verified webhook (never by the client's redirect). */
	ONLINE
}
