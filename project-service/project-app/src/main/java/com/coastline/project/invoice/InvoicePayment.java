package com.coastline.project.invoice;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

/**
 * A payment of an invoice. An online payment names the provider's payment (a Stripe payment intent) and
 * the webhook event that confirmed it; the database records each provider payment once.
 */
@Entity
@Table(name = "invoice_payment")
public class InvoicePayment {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@TenantId
	@Column(name = "workspace_id", nullable = false, updatable = false)
	private UUID workspaceId;

	@Column(nullable = false, updatable = false)
	private UUID invoiceId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false, length = 20)
	private PaymentMethod method;

	@Column(nullable = false, updatable = false)
	private long amountMinor;

	@Column(nullable = false, updatable = false, length = 3)
	private String currency;

	@Column(updatable = false, length = 20)
	private String provider;

	@Column(updatable = false)
	private String providerPaymentId;

	@Column(updatable = false)
	private String providerEventId;

	@Column(updatable = false, length = 200)
	private String reference;

	@Column(nullable = false, updatable = false)
	private Instant receivedAt;

	@Column(nullable = false, updatable = false, length = 200)
	private String recordedBy;

	protected InvoicePayment() {
	}

	private InvoicePayment(UUID invoiceId, PaymentMethod method, long amountMinor, String currency, Instant receivedAt,
			String recordedBy) {
		this.invoiceId = invoiceId;
		this.method = method;
		this.amountMinor = amountMinor;
		this.currency = currency;
		this.receivedAt = receivedAt;
		this.recordedBy = recordedBy;
	}

	static InvoicePayment offline(Invoice invoice, long amountMinor, String reference, Instant receivedAt,
			String recordedBy) {
		InvoicePayment payment = new InvoicePayment(invoice.getId(), PaymentMethod.OFFLINE, amountMinor,
				invoice.getCurrency(), receivedAt, recordedBy);
		payment.reference = reference;
		return payment;
	}

	static InvoicePayment online(Invoice invoice, long amountMinor, String provider, String providerPaymentId,
			String providerEventId, Instant receivedAt) {
		InvoicePayment payment = new InvoicePayment(invoice.getId(), PaymentMethod.ONLINE, amountMinor,
				invoice.getCurrency(), receivedAt, "provider:" + provider);
		payment.provider = provider;
		payment.providerPaymentId = providerPaymentId;
		payment.providerEventId = providerEventId;
		return payment;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getInvoiceId() {
		return this.invoiceId;
	}

	public PaymentMethod getMethod() {
		return this.method;
	}

	public long getAmountMinor() {
		return this.amountMinor;
	}

	public String getCurrency() {
		return this.currency;
	}

	public String getProvider() {
		return this.provider;
	}

	public String getProviderPaymentId() {
		return this.providerPaymentId;
	}

	public String getReference() {
		return this.reference;
	}

	public Instant getReceivedAt() {
		return this.receivedAt;
	}

	public String getRecordedBy() {
		return this.recordedBy;
	}
}
