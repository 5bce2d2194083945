package com.coastline.notification.delivery.web;

import java.util.List;
import java.util.UUID;

import com.coastline.notification.delivery.EmailDeliveries;
import com.coastline.platform.web.problem.NotFoundException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only back-office API over the workspace's email deliveries. Who may call it (staff or an admin
 * client of the workspace, never a client: 403) is platform-web's rule for {@code /api/**}; the
 * workspace filter is Hibernate's, so another workspace's deliveries are not found (404).
 */
@RestController
@RequestMapping("/api/deliveries")
class DeliveryController {

	private final EmailDeliveries deliveries;

	DeliveryController(EmailDeliveries deliveries) {
		this.deliveries = deliveries;
	}

	/**
	 * The workspace's delivery for an idempotency key (the sender's key of its {@code SendEmail}).
	 * @return a list of at most one delivery; empty if the workspace has none under that key
	 */
	@GetMapping
	List<DeliveryView> byIdempotencyKey(@RequestParam String idempotencyKey) {
		return deliveries.findByIdempotencyKey(idempotencyKey).map(DeliveryView::of).stream().toList();
	}

	/** One delivery of the workspace; 404 for an unknown id or another workspace's. */
	@GetMapping("/{id}")
	DeliveryView byId(@PathVariable UUID id) {
		return deliveries.findById(id).map(DeliveryView::of).orElseThrow(() -> new NotFoundException("Delivery", id));
	}
}
