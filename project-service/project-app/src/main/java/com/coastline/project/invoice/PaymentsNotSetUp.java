package com.coastline.project.invoice;

import com.coastline.platform.web.problem.ConflictException;

/** 409: the workspace has no payment settings (connected account), so its invoices cannot be paid online yet. */
public class PaymentsNotSetUp extends ConflictException {

	public PaymentsNotSetUp() {
		super("This contractor does not take online payments yet.");
	}
}
