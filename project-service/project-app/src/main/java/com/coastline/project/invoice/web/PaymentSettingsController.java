package com.coastline.project.invoice.web;

import java.time.Instant;

import com.coastline.platform.web.problem.NotFoundException;
import com.coastline.platform.web.tenant.CurrentTenant;
import com.coastline.platform.web.tenant.Tenant;
import com.coastline.project.invoice.PaymentSettings;
import com.coastline.project.invoice.PaymentSettingsManagement;
import jakarta.validation.Valid;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Back-office API for the workspace's online payment settings: the provider and the workspace's connected
 * account there. The platform's own Stripe key is configuration and never goes through here.
 */
@RestController
class PaymentSettingsController {

	private final PaymentSettingsManagement settings;

	private final CurrentTenant tenant;

	PaymentSettingsController(PaymentSettingsManagement settings, CurrentTenant tenant) {
		this.settings = settings;
		this.tenant = tenant;
	}

	/** The settings; 404 while the workspace has none. */
	@GetMapping("/api/payment-settings")
	Response find() {
		return this.settings.find()
			.map(Response::of)
			.orElseThrow(() -> new NotFoundException("This workspace has no payment settings yet."));
	}

	/**
	 * Sets (creates or replaces) the settings: 200. The connected account decides where clients' money goes,
	 * so among staff only an owner may change it (403 otherwise).
	 */
	@PutMapping("/api/payment-settings")
	Response set(@Valid @RequestBody PaymentSettingsRequest request) {
		Tenant caller = this.tenant.get();
		if (caller.isStaff() && !caller.hasRole("owner")) {
			throw new AccessDeniedException("Only an owner may change the payment settings.");
		}
		return Response.of(this.settings.set(request.provider(), request.connectedAccountId()));
	}

	record Response(String provider, String connectedAccountId, Instant updatedAt, long version) {

		static Response of(PaymentSettings settings) {
			return new Response(settings.getProvider(), settings.getConnectedAccountId(), settings.getUpdatedAt(),
					settings.getVersion());
		}
	}
}
