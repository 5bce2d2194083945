package com.coastline.project.invoice.web;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.coastline.platform.web.problem.ProblemType;
import com.coastline.project.invoice.ClientInvoices;
import com.coastline.project.invoice.payment.PaymentProviderUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Portal API: the signed-in client's invoices (issued ones of the projects {@code ProjectAccess} lets them
 * see) and paying one online. Another contact's or workspace's invoice, a draft and an unknown id answer
 * 404 alike.
 */
@RestController
class PortalInvoiceController {

	private static final Logger log = LoggerFactory.getLogger(PortalInvoiceController.class);

	private final ClientInvoices invoices;

	private final Clock clock;

	PortalInvoiceController(ClientInvoices invoices, Clock clock) {
		this.invoices = invoices;
		this.clock = clock;
	}

	/** The client's open, paid and void invoices, oldest first. */
	@GetMapping("/portal/invoices")
	List<PortalInvoiceResponse> list() {
		return this.invoices.visible()
			.stream()
			.map(invoice -> PortalInvoiceResponse.of(invoice, this.clock.instant()))
			.toList();
	}

	/** One of them; 404 otherwise. */
	@GetMapping("/portal/invoices/{id}")
	PortalInvoiceResponse find(@PathVariable UUID id) {
		return PortalInvoiceResponse.of(this.invoices.find(id), this.clock.instant());
	}

	/**
	 * Opens a checkout of the balance due: 200 {@code {checkoutUrl}} to send the client to; 404 as above;
	 * 409 when the invoice is not open (paid, void) or the contractor takes no online payments; 502 when the
	 * provider cannot be reached. The invoice is paid only when the provider's verified webhook says so.
	 */
	@PostMapping("/portal/invoices/{id}/checkout")
	Checkout checkout(@PathVariable UUID id) {
		return new Checkout(URI.create(this.invoices.checkout(id)));
	}

	@ExceptionHandler(PaymentProviderUnavailable.class)
	ResponseEntity<ProblemDetail> providerUnavailable(PaymentProviderUnavailable ex) {
		log.warn("Checkout failed: {}", ex.getMessage(), ex.getCause());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
				"The payment provider could not open a checkout; try again later.");
		problem.setType(URI.create(ProblemType.TYPE_PREFIX + "payment-provider-unavailable"));
		problem.setTitle("Payment provider unavailable");
		return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
	}

	/** @param checkoutUrl the provider's checkout page */
	record Checkout(URI checkoutUrl) {
	}
}
