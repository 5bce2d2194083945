package com.coastline.project.invoice;

import java.util.Map;
import java.util.UUID;

import com.coastline.platform.web.problem.ConflictException;

/** 409: the invoice's current state does not allow this move; nothing was changed. */
public class InvoiceTransitionRefused extends ConflictException {

	private final InvoiceStatus currentStatus;

	public InvoiceTransitionRefused(UUID id, InvoiceStatus currentStatus, String move) {
		super("Invoice " + id + " is " + currentStatus + " and cannot " + move + ".");
		this.currentStatus = currentStatus;
	}

	public InvoiceStatus currentStatus() {
		return this.currentStatus;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("currentStatus", this.currentStatus.name());
	}
}
