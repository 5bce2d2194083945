package com.coastline.project.invoice;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.coastline.platform.web.problem.NotFoundException;
import com.coastline.project.invoice.payment.PaymentProperties;
import com.coastline.project.invoice.payment.PaymentProvider;
import com.coastline.project.invoice.payment.PaymentProvider.CheckoutRequest;
import com.coastline.project.invoice.payment.PaymentProvider.CheckoutSession;
import com.coastline.project.invoice.payment.StripePaymentProvider;
import com.coastline.project.project.ProjectAccess;
import com.coastline.project.project.VisibleProjects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal client's invoices: those issued (open, paid or void; never drafts) of the projects
 * {@link ProjectAccess} lets the client see, and paying one online. Another contact's or workspace's
 * invoice, a draft and an unknown id answer 404 alike.
 */
@Service
@Transactional(readOnly = true)
public class ClientInvoices {

	static final Set<InvoiceStatus> SHOWN = EnumSet.of(InvoiceStatus.OPEN, InvoiceStatus.PAID, InvoiceStatus.VOID);

	private static final Set<InvoiceStatus> OPEN = EnumSet.of(InvoiceStatus.OPEN);

	private final Invoices invoices;

	private final ProjectAccess access;

	private final InvoiceManagement management;

	private final PaymentCheckouts checkouts;

	private final PaymentSettingsStore settings;

	private final PaymentProvider provider;

	private final PaymentProperties properties;

	ClientInvoices(Invoices invoices, ProjectAccess access, InvoiceManagement management, PaymentCheckouts checkouts,
			PaymentSettingsStore settings, PaymentProvider provider, PaymentProperties properties) {
		this.invoices = invoices;
		this.access = access;
		this.management = management;
		this.checkouts = checkouts;
		this.settings = settings;
		this.provider = provider;
		this.properties = properties;
	}

	/** The client's issued invoices, oldest first. */
	public List<Invoice> visible() {
		return of(this.access.visible(), SHOWN).stream().map(InvoiceManagement::loaded).toList();
	}

	/**
	 * The open invoices (waiting for payment) of the client's projects, oldest first, without their lines: for
	 * reading inside the caller's transaction.
	 */
	public List<Invoice> open(VisibleProjects visible) {
		return of(visible, OPEN);
	}

	private List<Invoice> of(VisibleProjects visible, Set<InvoiceStatus> statuses) {
		return visible.isEmpty() ? List.of()
				: this.invoices.findOfProjects(visible.workspaceId(), visible.ids(),
						statuses.stream().map(InvoiceStatus::name).toList());
	}

	/**
	 * An issued invoice of a project the client sees.
	 * @throws NotFoundException otherwise
	 */
	public Invoice find(UUID id) {
		return InvoiceManagement.loaded(visible(id));
	}

	private Invoice visible(UUID id) {
		Invoice invoice = this.invoices.findById(id)
			.filter(candidate -> SHOWN.contains(candidate.getStatus()))
			.orElseThrow(() -> InvoiceManagement.notFound(id));
		try {
			this.access.requireVisible(invoice.getProjectId());
		}
		catch (NotFoundException ex) {
			throw InvoiceManagement.notFound(id);
		}
		return invoice;
	}

	/**
	 * Opens a checkout of the balance due with the payment provider and returns where to send the client.
	 * Each call is a new attempt (the idempotency key names the invoice, the amount and the attempt, so a
	 * retry of the same attempt opens one session). Paying there changes nothing here until the provider's
	 * verified webhook arrives.
	 * @throws InvoiceTransitionRefused unless the invoice is open (so something is due)
	 * @throws PaymentsNotSetUp when Stripe is configured and the workspace has no connected account
	 */
	@Transactional
	public String checkout(UUID id) {
		visible(id);
		Invoice invoice = this.management.lock(id);
		if (invoice.getStatus() != InvoiceStatus.OPEN || invoice.balanceDueMinor() == 0) {
			throw new InvoiceTransitionRefused(id, invoice.getStatus(), "be paid");
		}
		String account = this.settings.findFirstBy().map(PaymentSettings::getConnectedAccountId).orElse(null);
		if (account == null && StripePaymentProvider.NAME.equals(this.provider.name())) {
			throw new PaymentsNotSetUp();
		}
		long amount = invoice.balanceDueMinor();
		int attempt = this.checkouts.countByInvoiceId(id) + 1;
		String returnUrl = this.properties.returnUrl().replace("{invoiceId}", id.toString());
		CheckoutSession session = this.provider.openCheckout(new CheckoutRequest(invoice.getWorkspaceId(), id,
				invoice.getTitle(), amount, invoice.getCurrency(), account,
				"invoice-" + id + "-" + amount + "-" + attempt, returnUrl + "?checkout=done",
				returnUrl + "?checkout=cancelled"));
		this.checkouts.save(new PaymentCheckout(id, this.provider.name(), session.sessionId(), attempt, amount,
				invoice.getCurrency(), session.url(), this.management.now()));
		return session.url();
	}
}
