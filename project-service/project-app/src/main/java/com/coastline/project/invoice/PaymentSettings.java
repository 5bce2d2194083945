package com.coastline.project.invoice;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

/**
 * How a workspace takes online payments: the provider and the workspace's connected account there (a
 * Stripe Connect account, {@code acct_…}). Payments go to that account; the platform's own key is
 * configuration, never stored here.
 */
@Entity
@Table(name = "payment_settings")
public class PaymentSettings {

	public static final String STRIPE = "stripe";

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@TenantId
	@Column(name = "workspace_id", nullable = false, updatable = false)
	private UUID workspaceId;

	@Column(nullable = false, length = 20)
	private String provider;

	@Column(nullable = false)
	private String connectedAccountId;

	@Version
	private long version;

	@Column(nullable = false)
	private Instant updatedAt;

	protected PaymentSettings() {
	}

	PaymentSettings(String provider, String connectedAccountId, Instant now) {
		change(provider, connectedAccountId, now);
	}

	void change(String provider, String connectedAccountId, Instant now) {
		this.provider = provider;
		this.connectedAccountId = connectedAccountId;
		this.updatedAt = now;
	}

	public UUID getWorkspaceId() {
		return this.workspaceId;
	}

	public String getProvider() {
		return this.provider;
	}

	public String getConnectedAccountId() {
		return this.connectedAccountId;
	}

	public long getVersion() {
		return this.version;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}
}
