package com.coastline.notification.delivery.web;

import java.time.Clock;
import java.util.List;

import com.coastline.notification.delivery.EmailAddresses;
import com.coastline.notification.delivery.UndeliverableAddresses;
import com.coastline.platform.web.problem.BadRequestException;
import com.coastline.platform.web.problem.NotFoundException;
import com.coastline.platform.web.tenant.CurrentTenant;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The workspace's undeliverable addresses (see {@link UndeliverableAddresses}): list them, clear one so
 * that emails go to it again. Addresses are answered masked only, and never taken in a URL. Access is
 * platform-web's rule for {@code /api/**} (staff or an admin client of the workspace); every query is
 * bound to the caller's workspace, so another workspace's marks are neither listed nor cleared (404).
 */
@RestController
@RequestMapping("/api/undeliverable-addresses")
class UndeliverableAddressController {

	private final UndeliverableAddresses undeliverable;

	private final CurrentTenant tenant;

	private final Clock clock;

	UndeliverableAddressController(UndeliverableAddresses undeliverable, CurrentTenant tenant, Clock clock) {
		this.undeliverable = undeliverable;
		this.tenant = tenant;
		this.clock = clock;
	}

	/** The workspace's marked addresses, masked, the latest marked first, at most {@code limit} (1–100, default 50). */
	@GetMapping
	List<UndeliverableAddresses.Mark> list(@RequestParam(required = false) Integer limit) {
		int max = limit == null ? DeliveryController.DEFAULT_LIMIT : limit;
		if (max < 1 || max > DeliveryController.MAX_LIMIT) {
			throw new BadRequestException("limit must be between 1 and " + DeliveryController.MAX_LIMIT);
		}
		return undeliverable.list(tenant.requireWorkspace(), clock.instant(), max);
	}

	/**
	 * Clears the address's mark, so that emails go to it again; 404 when the workspace has none for it.
	 * The address comes in the body, not the URL, so that it never lands in an access log or a problem's
	 * {@code instance}.
	 */
	@PostMapping("/clear")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void clear(@RequestBody ClearRequest request) {
		String address = address(request.email());
		if (!undeliverable.clear(tenant.requireWorkspace(), address)) {
			throw new NotFoundException("The address " + EmailAddresses.mask(address) + " is not marked undeliverable");
		}
	}

	/**
	 * Which address to clear.
	 *
	 * @param email the address, in any case
	 */
	record ClearRequest(String email) {
	}

	private static String address(String email) {
		String address = email == null ? "" : email.strip();
		if (!EmailAddresses.isSingleAddress(address)) {
			throw new BadRequestException("Not an email address: " + EmailAddresses.mask(address));
		}
		return address;
	}
}
