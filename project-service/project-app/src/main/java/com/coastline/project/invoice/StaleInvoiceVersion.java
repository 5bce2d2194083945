package com.coastline.project.invoice;

import java.util.Map;
import java.util.UUID;

import com.coastline.platform.web.problem.ConflictException;

/**
 * 409: the invoice changed since the version the caller edited (someone else edited, issued or voided
 * it); nothing was changed, and the caller reloads it.
 */
public class StaleInvoiceVersion extends ConflictException {

	private final long currentVersion;

	public StaleInvoiceVersion(UUID id, long edited, long currentVersion) {
		super("Invoice " + id + " changed since version " + edited + "; reload it.");
		this.currentVersion = currentVersion;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("currentVersion", this.currentVersion);
	}
}
