package com.coastline.project.invoice;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

/**
 * A checkout session the provider opened for an invoice: where the client was sent to pay. It proves
 * nothing about payment; only a verified webhook does.
 */
@Entity
@Table(name = "payment_checkout")
public class PaymentCheckout {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@TenantId
	@Column(name = "workspace_id", nullable = false, updatable = false)
	private UUID workspaceId;

	@Column(nullable = false, updatable = false)
	private UUID invoiceId;

	@Column(nullable = false, updatable = false, length = 20)
	private String provider;

	@Column(nullable = false, updatable = false)
	private String providerSessionId;

	@Column(nullable = false, updatable = false)
	private int attempt;

	@Column(nullable = false, updatable = false)
	private long amountMinor;

	@Column(nullable = false, updatable = false, length = 3)
	private String currency;

	@Column(nullable = false, updatable = false, length = 2000)
	private String url;

	@Column(nullable = false, updatable = false)
	private Instant createdAt;

	protected PaymentCheckout() {
	}

	PaymentCheckout(UUID invoiceId, String provider, String providerSessionId, int attempt, long amountMinor,
			String currency, String url, Instant createdAt) {
		this.invoiceId = invoiceId;
		this.provider = provider;
		this.providerSessionId = providerSessionId;
		this.attempt = attempt;
		this.amountMinor = amountMinor;
		this.currency = currency;
		this.url = url;
		this.createdAt = createdAt;
	}

	public UUID getInvoiceId() {
		return this.invoiceId;
	}

	public String getProviderSessionId() {
		return this.providerSessionId;
	}

	public int getAttempt() {
		return this.attempt;
	}

	public long getAmountMinor() {
		return this.amountMinor;
	}

	public String getUrl() {
		return this.url;
	}
}
