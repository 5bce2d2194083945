package com.coastline.notification.delivery.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.coastline.notification.delivery.EmailDeliveries;
import com.coastline.notification.delivery.EmailDelivery;
import com.coastline.notification.delivery.UndeliverableAddresses;
import com.coastline.platform.web.problem.BadRequestException;
import com.coastline.platform.web.problem.NotFoundException;
import com.coastline.platform.web.tenant.CurrentTenant;

import org.springframework.data.domain.Limit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only back-office API over the workspace's email deliveries: one by id, by idempotency key, and
 * the history per contact or per project. Who may call it (staff or an admin client of the workspace,
 * never a client: 403) is platform-web's rule for {@code /api/**}; the workspace filter is Hibernate's,
 * so another workspace's deliveries are not found (404, or an empty list).
 */
@RestController
@RequestMapping("/api/deliveries")
class DeliveryController {

	/** Deliveries per page of history unless {@code limit} says otherwise. */
	static final int DEFAULT_LIMIT = 50;

	/** The most a {@code limit} may ask for. */
	static final int MAX_LIMIT = 100;

	private final EmailDeliveries deliveries;

	private final UndeliverableAddresses undeliverable;

	private final CurrentTenant tenant;

	private final Clock clock;

	DeliveryController(EmailDeliveries deliveries, UndeliverableAddresses undeliverable, CurrentTenant tenant,
			Clock clock) {
		this.deliveries = deliveries;
		this.undeliverable = undeliverable;
		this.tenant = tenant;
		this.clock = clock;
	}

	/**
	 * The workspace's deliveries for exactly one filter: an idempotency key (a list of at most one), or a
	 * contact or a project (from the commands' correlation), newest first, at most {@code limit}
	 * (1–{@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}). Another workspace's contact or project
	 * gives an empty list.
	 * @throws BadRequestException for no filter, more than one, or a limit out of range
	 */
	@GetMapping
	List<DeliveryView> find(@RequestParam(required = false) String idempotencyKey,
			@RequestParam(required = false) UUID contactId, @RequestParam(required = false) UUID projectId,
			@RequestParam(required = false) Integer limit) {
		long filters = Stream.of(idempotencyKey, contactId, projectId).filter(filter -> filter != null).count();
		if (filters != 1) {
			throw new BadRequestException("Give exactly one of idempotencyKey, contactId or projectId");
		}
		int max = limit == null ? DEFAULT_LIMIT : limit;
		if (max < 1 || max > MAX_LIMIT) {
			throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT);
		}
		List<EmailDelivery> found;
		if (idempotencyKey != null) {
			found = deliveries.findByIdempotencyKey(idempotencyKey).stream().toList();
		}
		else if (contactId != null) {
			found = deliveries.findByContactIdOrderByRequestedAtDescIdDesc(contactId, Limit.of(max));
		}
		else {
			found = deliveries.findByProjectIdOrderByRequestedAtDescIdDesc(projectId, Limit.of(max));
		}
		return views(found);
	}

	/** One delivery of the workspace; 404 for an unknown id or another workspace's. */
	@GetMapping("/{id}")
	DeliveryView byId(@PathVariable UUID id) {
		EmailDelivery delivery = deliveries.findById(id).orElseThrow(() -> new NotFoundException("Delivery", id));
		return views(List.of(delivery)).getFirst();
	}

	private List<DeliveryView> views(List<EmailDelivery> found) {
		if (found.isEmpty()) {
			return List.of();
		}
		Instant now = clock.instant();
		Map<String, Instant> marked = undeliverable.markedUntil(tenant.requireWorkspace(),
				found.stream().map(EmailDelivery::recipientEmail).toList(), now);
		return found.stream()
			.map(delivery -> DeliveryView.of(delivery,
					marked.get(UndeliverableAddresses.hash(delivery.recipientEmail()))))
			.toList();
	}
}
