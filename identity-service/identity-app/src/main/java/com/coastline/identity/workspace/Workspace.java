package com.coastline.identity.workspace;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Objects;
import java.util.UUID;

import com.coastline.identity.api.WorkspaceCreated;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.springframework.data.domain.Persistable;

/**
 * A contractor business: the tenant. Every tenant-owned row of every service carries its id. The
 * registry itself is not tenant-filtered; who may see a workspace is decided by its API.
 */
@Entity
public class Workspace implements Persistable<UUID> {

	@Id
	private UUID id;

	private String name;

	private String timeZone;

	private String currency;

	private Instant createdAt;

	/** Starts at 1 (consumers of its events ignore versions they have already seen). */
	@Version
	private long version;

	/** The id is assigned here, so Spring Data cannot tell a new workspace from a stored one by itself. */
	@Transient
	private boolean isNew;

	protected Workspace() {
	}

	private Workspace(UUID id, String name, ZoneId timeZone, Currency currency, Instant createdAt) {
		this.id = id;
		this.name = name;
		this.timeZone = timeZone.getId();
		this.currency = currency.getCurrencyCode();
		this.createdAt = createdAt;
		this.version = 1;
		this.isNew = true;
	}

	/**
	 * A new workspace; the name is stored without surrounding blanks, the creation time at the
	 * database's precision, so that what the API answers now equals what it reads later.
	 */
	public static Workspace create(String name, ZoneId timeZone, Currency currency, Clock clock) {
		Objects.requireNonNull(name, "name");
		if (name.isBlank()) {
			throw new IllegalArgumentException("A workspace needs a name");
		}
		return new Workspace(UUID.randomUUID(), name.strip(), Objects.requireNonNull(timeZone, "timeZone"),
				Objects.requireNonNull(currency, "currency"), clock.instant().truncatedTo(ChronoUnit.MICROS));
	}

	/** The event that announces this workspace, with a new event id. */
	WorkspaceCreated created() {
		return new WorkspaceCreated(UUID.randomUUID(), this.id, this.name, this.timeZone, this.currency, this.createdAt,
				this.version);
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getTimeZone() {
		return this.timeZone;
	}

	public String getCurrency() {
		return this.currency;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public long getVersion() {
		return this.version;
	}

	@Override
	public boolean isNew() {
		return this.isNew;
	}

	@PostPersist
	@PostLoad
	void stored() {
		this.isNew = false;
	}
}
