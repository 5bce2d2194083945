package com.coastline.portal.signin.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.coastline.platform.web.tenant.TenantScope;
import com.coastline.portal.config.PagesProperties;
import com.coastline.portal.profile.Portal;
import com.coastline.portal.profile.ProfileManagement;
import com.coastline.portal.profile.PublicPortal;
import com.coastline.portal.signin.ClientToken;
import com.coastline.portal.signin.ClientTokens;
import com.coastline.portal.signin.web.BillingViews.Checkout;
import com.coastline.portal.signin.web.BillingViews.Invoice;
import com.coastline.portal.signin.web.ClientServices.Section;
import com.coastline.portal.signin.web.ClientViews.Project;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The signed-in client's invoices (project-service's {@code /portal/invoices}): the list, one invoice, paying it
 * online and the page that waits for the payment to be confirmed. Pay asks project-service for a checkout of the
 * balance due and sends the browser there (303), only to one of the configured payment origins. The invoice
 * turns paid only on the provider's verified webhook, so after the checkout the provider sends the browser to
 * {@code /invoices/{id}} (an address without the portal's), which finds the client's portal from the session and
 * shows the waiting page; it checks again every {@value #REFRESH_SECONDS} s, for about two minutes.
 */
@Controller
class InvoicePages {

	private static final Logger log = LoggerFactory.getLogger(InvoicePages.class);

	static final int REFRESH_SECONDS = 2;

	/** Checks of the waiting page before it says "still processing": about two minutes. */
	static final int MAX_CHECKS = 60;

	static final String PROVIDER_UNAVAILABLE = "The payment provider could not be reached. Please try again in a moment.";

	static final String NOT_PAYABLE = "This invoice cannot be paid online right now. If you have questions, please "
			+ "contact your contractor.";

	private static final ParameterizedTypeReference<List<Invoice>> INVOICES = new ParameterizedTypeReference<>() {
	};

	private final PortalAddresses addresses;

	private final ClientTokens tokens;

	private final ClientServices services;

	private final PagesProperties pages;

	private final ProfileManagement profiles;

	InvoicePages(PortalAddresses addresses, ClientTokens tokens, ClientServices services, PagesProperties pages,
			ProfileManagement profiles) {
		this.addresses = addresses;
		this.tokens = tokens;
		this.services = services;
		this.pages = pages;
		this.profiles = profiles;
	}

	/** All the client's invoices: open ones first (the earliest due first), then paid and void ones. */
	@GetMapping("/p/{slug}/invoices")
	ModelAndView invoices(@PathVariable String slug, HttpServletRequest request) {
		PublicPortal portal = this.addresses.open(slug, request);
		Optional<ClientToken> token = this.tokens.current(request, portal.workspaceId());
		if (token.isEmpty()) {
			return Pages.signIn(portal);
		}
		Section<List<Invoice>> invoices = this.services
			.project(token.get(), (rest) -> rest.get().uri("/portal/invoices").retrieve().body(INVOICES))
			.section();
		if (invoices.state() == Section.State.SIGNED_OUT) {
			return Pages.signIn(portal);
		}
		if (!invoices.available()) {
			return Pages.unavailable(portal);
		}
		List<BillingViews.InvoiceView> rows = invoices.value()
			.stream()
			.sorted(Invoice.LIST_ORDER)
			.map((invoice) -> invoice.view(null))
			.toList();
		return Pages.page("portal/invoices", portal)
			.addObject(Navigation.ATTRIBUTE, Navigation.INVOICES)
			.addObject("open", rows.stream().filter(BillingViews.InvoiceView::open).toList())
			.addObject("closed", rows.stream().filter((row) -> !row.open()).toList());
	}

	/** One invoice: lines, totals, what was paid, and the Pay button while it is open. */
	@GetMapping("/p/{slug}/invoices/{id}")
	ModelAndView invoice(@PathVariable String slug, @PathVariable String id, HttpServletRequest request) {
		PublicPortal portal = this.addresses.open(slug, request);
		Optional<ClientToken> token = this.tokens.current(request, portal.workspaceId());
		if (token.isEmpty()) {
			return Pages.signIn(portal);
		}
		UUID invoiceId = Pages.uuid(id);
		if (invoiceId == null) {
			return Pages.notFound(portal);
		}
		return page(portal, token.get(), invoiceId, HttpStatus.OK, (page) -> {
		});
	}

	/**
	 * Opens a checkout of the balance due at project-service and sends the browser to it (303), if it is on one
	 * of the payment origins; otherwise, or when the provider cannot be reached, the invoice again with a message.
	 */
	@PostMapping("/p/{slug}/invoices/{id}/pay")
	ModelAndView pay(@PathVariable String slug, @PathVariable String id, HttpServletRequest request) {
		PublicPortal portal = this.addresses.open(slug, request);
		Optional<ClientToken> token = this.tokens.current(request, portal.workspaceId());
		if (token.isEmpty()) {
			return Pages.signIn(portal);
		}
		UUID invoiceId = Pages.uuid(id);
		if (invoiceId == null) {
			return Pages.notFound(portal);
		}
		Section<Checkout> checkout = this.services
			.projectAction(token.get(),
					(rest) -> rest.post().uri("/portal/invoices/{id}/checkout", invoiceId).retrieve().body(Checkout.class))
			.section();
		return switch (checkout.state()) {
			case OK -> toCheckout(portal, token.get(), invoiceId, checkout.value());
			case SIGNED_OUT -> Pages.signIn(portal);
			case NOT_FOUND -> Pages.notFound(portal);
			case CONFLICT -> page(portal, token.get(), invoiceId, HttpStatus.CONFLICT,
					(page) -> page.addObject("formMessage", NOT_PAYABLE));
			case INVALID, UNAVAILABLE -> providerUnavailable(portal, token.get(), invoiceId);
		};
	}

	/**
	 * Waits for the payment to be confirmed: refreshes itself ({@code Refresh} header, no script) until the
	 * invoice is paid, for {@value #MAX_CHECKS} checks ({@code ?check=n}), then says it is still processing.
	 */
	@GetMapping("/p/{slug}/invoices/{id}/payment")
	ModelAndView payment(@PathVariable String slug, @PathVariable String id, HttpServletRequest request,
			HttpServletResponse response) {
		PublicPortal portal = this.addresses.open(slug, request);
		Optional<ClientToken> token = this.tokens.current(request, portal.workspaceId());
		if (token.isEmpty()) {
			return Pages.signIn(portal);
		}
		UUID invoiceId = Pages.uuid(id);
		if (invoiceId == null) {
			return Pages.notFound(portal);
		}
		int check = checks(request.getParameter("check"));
		Section<Invoice> invoice = find(token.get(), invoiceId);
		if (invoice.state() == Section.State.SIGNED_OUT) {
			return Pages.signIn(portal);
		}
		if (invoice.state() == Section.State.NOT_FOUND) {
			return Pages.notFound(portal);
		}
		boolean waiting = !invoice.available() || invoice.value().open();
		boolean gaveUp = waiting && check >= MAX_CHECKS;
		if (waiting && !gaveUp) {
			response.setHeader("Refresh", REFRESH_SECONDS + "; url=/p/" + portal.canonicalSlug() + "/invoices/"
					+ invoiceId + "/payment?check=" + (check + 1));
		}
		return Pages.page("portal/payment", portal)
			.addObject(Navigation.ATTRIBUTE, Navigation.INVOICES)
			.addObject("invoiceId", invoiceId)
			.addObject("invoice", invoice.available() ? invoice.value().view(null) : null)
			.addObject("waiting", waiting && !gaveUp)
			.addObject("gaveUp", gaveUp)
			.addObject("paidAmount",
					invoice.available() ? ClientViews.money(invoice.value().paidMinor(), invoice.value().currency()) : null);
	}

	/**
	 * The payment provider's return address (it knows no portal address): to the waiting page of the portal whose
	 * session the browser has; without one, a neutral page that says where to look.
	 */
	@GetMapping("/invoices/{id}")
	ModelAndView returned(@PathVariable String id, HttpServletRequest request) {
		UUID invoiceId = Pages.uuid(id);
		Optional<ClientToken> token = (invoiceId != null) ? this.tokens.anyWorkspace(request) : Optional.empty();
		Optional<String> slug = token.flatMap((client) -> TenantScope.runAs(client.workspaceId(),
				() -> Optional.ofNullable(this.profiles.current()).filter(Portal::active).map(Portal::slug)));
		if (slug.isEmpty()) {
			ModelAndView page = new ModelAndView("portal/payment-return");
			page.setStatus((invoiceId != null) ? HttpStatus.OK : HttpStatus.NOT_FOUND);
			return page;
		}
		return Pages.redirect("/p/" + slug.get() + "/invoices/" + invoiceId + "/payment", HttpStatus.FOUND);
	}

	private ModelAndView toCheckout(PublicPortal portal, ClientToken token, UUID invoiceId, Checkout checkout) {
		if (checkout.checkoutUrl() == null || !this.pages.isPaymentCheckout(checkout.checkoutUrl())) {
			log.warn("Checkout of invoice {} not on a payment origin {}: refused", invoiceId, this.pages.paymentOrigins());
			return providerUnavailable(portal, token, invoiceId);
		}
		RedirectView view = new RedirectView(checkout.uri().toString(), false, false);
		view.setExposeModelAttributes(false);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		return new ModelAndView(view);
	}

	private ModelAndView providerUnavailable(PublicPortal portal, ClientToken token, UUID invoiceId) {
		return page(portal, token, invoiceId, HttpStatus.BAD_GATEWAY,
				(page) -> page.addObject("formMessage", PROVIDER_UNAVAILABLE));
	}

	private Section<Invoice> find(ClientToken token, UUID invoiceId) {
		return this.services
			.project(token, (rest) -> rest.get().uri("/portal/invoices/{id}", invoiceId).retrieve().body(Invoice.class))
			.section();
	}

	/** The invoice's page as it is now, with what {@code extra} adds (a message). */
	private ModelAndView page(PublicPortal portal, ClientToken token, UUID invoiceId, HttpStatus status,
			Consumer<ModelAndView> extra) {
		Section<Invoice> invoice = find(token, invoiceId);
		if (invoice.state() == Section.State.SIGNED_OUT) {
			return Pages.signIn(portal);
		}
		if (invoice.state() == Section.State.NOT_FOUND) {
			return Pages.notFound(portal);
		}
		if (!invoice.available()) {
			return Pages.unavailable(portal);
		}
		String projectName = null;
		if (invoice.value().projectId() != null) {
			Section<Project> project = this.services
				.project(token,
						(rest) -> rest.get().uri("/portal/projects/{id}", invoice.value().projectId()).retrieve().body(Project.class))
				.section();
			projectName = project.available() ? project.value().name() : null;
		}
		ModelAndView page = Pages.page("portal/invoice", portal)
			.addObject(Navigation.ATTRIBUTE, Navigation.INVOICES)
			.addObject("invoice", invoice.value().view(projectName));
		extra.accept(page);
		page.setStatus(status);
		return page;
	}

	private static int checks(String value) {
		try {
			return Math.max(0, Math.min(Integer.parseInt((value != null) ? value : "0"), MAX_CHECKS));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}
}
