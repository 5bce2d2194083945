package com.coastline.project.invoice.payment;

/** The payment provider could not open a checkout (unreachable, or it refused the request). */
public class PaymentProviderUnavailable extends RuntimeException {

	public PaymentProviderUnavailable(String message, Throwable cause) {
		super(message, cause);
	}
}
