package com.coastline.project.invoice.web;

import java.time.Instant;

import com.coastline.platform.web.problem.NotFoundException;
import com.coastline.project.invoice.PaymentSettings;
import com.coastline.project.invoice.PaymentSettingsManagement;
import jakarta.validation.Valid;

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

	PaymentSettingsController(PaymentSettingsManagement settings) {
		this.settings = settings;
	}

	/** The settings; 404 while the workspace has none. */
	@GetMapping("/api/payment-settings")
	Response find() {
		return this.settings.find()
			.map(Response::of)
			.orElseThrow(() -> new NotFoundException("This workspace has no payment settings yet."));
	}

	/** Sets (creates or replaces) the settings: 200. */
	@PutMapping("/api/payment-settings")
	Response set(@Valid @RequestBody PaymentSettingsRequest request) {
		return Response.of(this.settings.set(request.provider(), request.connectedAccountId()));
	}

	record Response(String provider, String connectedAccountId, Instant updatedAt, long version) {

		static Response of(PaymentSettings settings) {
			return new Response(settings.getProvider(), settings.getConnectedAccountId(), settings.getUpdatedAt(),
					settings.getVersion());
		}
	}
}
