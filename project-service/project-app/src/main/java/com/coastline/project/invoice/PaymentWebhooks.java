package com.coastline.project.invoice;

import java.sql.Timestamp;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.coastline.platform.web.tenant.Tenant;
import com.coastline.platform.web.tenant.TenantScope;
import com.coastline.project.invoice.payment.InvalidWebhookSignature;
import com.coastline.project.invoice.payment.PaymentNotification;
import com.coastline.project.invoice.payment.PaymentProvider;
import com.coastline.project.invoice.payment.StripeWebhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payment provider's webhooks: the only way an invoice is paid online. The signature is verified
 * first; then each event is handled once (its id is recorded in the transaction that applies it, so a
 * replay finds it and changes nothing), each provider payment is recorded once whichever of its events
 * comes first, and events that arrive late or out of order (an expired session after a payment, a
 * payment of an invoice voided or paid meanwhile) are recorded with what was done and change nothing.
 */
@Service
public class PaymentWebhooks {

	private static final Logger log = LoggerFactory.getLogger(PaymentWebhooks.class);

	/** What became of a verified event. */
	public enum Outcome {

		/** The payment was recorded on the invoice. */
		RECORDED,

		/** The event id was handled before: a replay. */
		DUPLICATE,

		/** Another event already recorded this provider payment. */
		ALREADY_RECORDED,

		/** Not a payment confirmation (expired or failed sessions, unpaid completions, other types). */
		IGNORED,

		/** Not one of our checkouts: no invoice or workspace in the metadata, or no such invoice. */
		UNKNOWN_INVOICE,

		/** The event happened on another account than the workspace's connected account. */
		ACCOUNT_MISMATCH,

		/** Paid in another currency than the invoice's. Needs a refund. */
		CURRENCY_MISMATCH,

		/** The invoice was no longer open (voided or paid meanwhile). Needs a refund. */
		INVOICE_NOT_OPEN
	}

	private final StripeWebhooks verifier;

	private final InvoiceManagement management;

	private final PaymentSettingsStore settings;

	private final InvoicePayments payments;

	private final PaymentProvider provider;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	PaymentWebhooks(StripeWebhooks verifier, InvoiceManagement management, PaymentSettingsStore settings,
			InvoicePayments payments, PaymentProvider provider, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.verifier = verifier;
		this.management = management;
		this.settings = settings;
		this.payments = payments;
		this.provider = provider;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
	}

	/**
	 * Handles a webhook delivery.
	 * @throws InvalidWebhookSignature when the signature does not verify; nothing is recorded then
	 */
	public Outcome receive(String payload, String signatureHeader) {
		PaymentNotification event = this.verifier.verify(payload, signatureHeader);
		if (event.eventId() == null || event.type() == null) {
			throw new InvalidWebhookSignature();
		}
		UUID workspace = event.workspaceId();
		boolean aWorkspace = workspace != null && !Tenant.NO_WORKSPACE.equals(workspace) && !Tenant.ROOT.equals(workspace);
		Outcome outcome = aWorkspace
				// The workspace's scope before the transaction: Hibernate fixes a session's tenant when it opens.
				? TenantScope.runAs(workspace, () -> this.transactions.execute(status -> handle(event)))
				: this.transactions.execute(status -> unknown(event));
		if (outcome == Outcome.CURRENCY_MISMATCH || outcome == Outcome.INVOICE_NOT_OPEN) {
			log.warn("Payment {} of event {} was not applied to invoice {} ({}): refund it", event.paymentId(),
					event.eventId(), event.invoiceId(), outcome);
		}
		return outcome;
	}

	private Outcome unknown(PaymentNotification event) {
		return firstDelivery(event) ? note(event, Outcome.UNKNOWN_INVOICE) : Outcome.DUPLICATE;
	}

	private Outcome handle(PaymentNotification event) {
		if (!firstDelivery(event)) {
			return Outcome.DUPLICATE;
		}
		return note(event, apply(event));
	}

	private Outcome apply(PaymentNotification event) {
		if (!event.confirmsPayment()) {
			return (event.invoiceId() == null) ? Outcome.UNKNOWN_INVOICE : Outcome.IGNORED;
		}
		String expectedAccount = this.settings.findFirstBy().map(PaymentSettings::getConnectedAccountId).orElse(null);
		if (!Objects.equals(expectedAccount, event.account())) {
			return Outcome.ACCOUNT_MISMATCH;
		}
		Optional<Invoice> found = this.management.tryLock(event.invoiceId());
		if (found.isEmpty()) {
			return Outcome.UNKNOWN_INVOICE;
		}
		Invoice invoice = found.get();
		// After the invoice's lock: two events of one payment (completed, payment_intent.succeeded) queue up here.
		if (this.payments.existsByProviderAndProviderPaymentId(this.provider.name(), event.paymentId())) {
			return Outcome.ALREADY_RECORDED;
		}
		if (!invoice.getCurrency().equals(event.currency())) {
			return Outcome.CURRENCY_MISMATCH;
		}
		if (invoice.getStatus() != InvoiceStatus.OPEN) {
			return Outcome.INVOICE_NOT_OPEN;
		}
		this.management.recordOnlinePayment(invoice, event.amountMinor(), this.provider.name(), event.paymentId(),
				event.eventId());
		return Outcome.RECORDED;
	}

	/** Records the event id; false when it was recorded before (a replay, or a concurrent delivery). */
	private boolean firstDelivery(PaymentNotification event) {
		return this.jdbc.update("""
				insert into payment_webhook_event (event_id, type, workspace_id, invoice_id, outcome, received_at)
				values (?, ?, ?, ?, 'RECEIVED', ?) on conflict (event_id) do nothing""", event.eventId(), event.type(),
				event.workspaceId(), event.invoiceId(), Timestamp.from(this.management.now())) == 1;
	}

	private Outcome note(PaymentNotification event, Outcome outcome) {
		this.jdbc.update("update payment_webhook_event set outcome = ? where event_id = ?", outcome.name(),
				event.eventId());
		return outcome;
	}
}
