package com.coastline.project.invoice;

import java.util.Optional;

import com.coastline.platform.web.tenant.CurrentTenant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The back office sets the workspace's online payment settings: its connected account at the provider. */
@Service
@Transactional
public class PaymentSettingsManagement {

	private final PaymentSettingsStore settings;

	private final CurrentTenant tenant;

	private final InvoiceManagement invoices;

	PaymentSettingsManagement(PaymentSettingsStore settings, CurrentTenant tenant, InvoiceManagement invoices) {
		this.settings = settings;
		this.tenant = tenant;
		this.invoices = invoices;
	}

	@Transactional(readOnly = true)
	public Optional<PaymentSettings> find() {
		return this.settings.findFirstBy();
	}

	/** Creates or replaces the settings (one row per workspace). */
	public PaymentSettings set(String provider, String connectedAccountId) {
		this.tenant.requireWorkspace();
		PaymentSettings current = this.settings.findFirstBy().orElse(null);
		if (current == null) {
			return this.settings.saveAndFlush(new PaymentSettings(provider, connectedAccountId, this.invoices.now()));
		}
		current.change(provider, connectedAccountId, this.invoices.now());
		return this.settings.saveAndFlush(current);
	}
}
