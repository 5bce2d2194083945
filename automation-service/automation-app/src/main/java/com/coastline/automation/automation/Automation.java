package com.coastline.automation.automation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.annotations.TenantId;

/**
 * A contractor's rule: when {@link Trigger} happens in the workspace, carry out the actions in order.
 * Only enabled automations run. The trigger is fixed at creation; name, actions and the enabled flag
 * can change.
 */
@Entity
@Table(name = "automation")
public class Automation {

	public static final int MAX_NAME_LENGTH = 100;

	@Id
	private UUID id;

	@TenantId
	@Column(name = "workspace_id", nullable = false, updatable = false)
	private UUID workspaceId;

	@Column(nullable = false, length = MAX_NAME_LENGTH)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(name = "trigger_type", nullable = false, updatable = false)
	private Trigger trigger;

	@Column(nullable = false)
	private boolean enabled;

	// Every change also sets updatedAt, which bumps the version; without the exclusion Hibernate bumps it a
	// second time when it first inserts the list, and a new automation would start at version 1.
	@OptimisticLock(excluded = true)
	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "automation_action", joinColumns = @JoinColumn(name = "automation_id"))
	@OrderColumn(name = "position")
	private List<Action> actions = new ArrayList<>();

	@Column(name = "created_by", nullable = false, updatable = false)
	private String createdBy;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_by", nullable = false)
	private String updatedBy;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	// A wrapper, so that Spring Data sees a new entity (null version) and persists it instead of merging.
	@Version
	private Long version;

	protected Automation() {
	}

	private Automation(UUID id, Trigger trigger, String author, Instant now) {
		this.id = id;
		this.trigger = trigger;
		this.createdBy = author;
		this.createdAt = now;
	}

	/**
	 * A new automation of the current workspace.
	 * @param author the subject of the staff token that creates it
	 */
	public static Automation create(String name, Trigger trigger, List<Action> actions, boolean enabled, String author,
			Clock clock) {
		Objects.requireNonNull(trigger, "trigger");
		Automation automation = new Automation(UUID.randomUUID(), trigger, author, clock.instant());
		automation.change(name, enabled, actions, author, clock);
		return automation;
	}

	/** Renames it, replaces its actions and switches it on or off. */
	public void change(String name, boolean enabled, List<Action> actions, String author, Clock clock) {
		if (name == null || name.isBlank()) {
			throw new InvalidAutomationException("An automation needs a name.");
		}
		if (actions == null || actions.isEmpty()) {
			throw new InvalidAutomationException("An automation needs at least one action.");
		}
		// A run asks notification for one email, identified by the run (automation-run:<run id>).
		if (actions.stream().filter(action -> action.type() == ActionType.SEND_EMAIL).count() > 1) {
			throw new InvalidAutomationException("An automation sends at most one email.");
		}
		this.name = name.strip();
		this.enabled = enabled;
		if (!this.actions.equals(actions)) {
			this.actions.clear();
			this.actions.addAll(actions);
		}
		this.updatedBy = author;
		this.updatedAt = clock.instant();
	}

	/**
	 * The email this automation sends. Send-email is the only action type so far, and an automation has
	 * at least one action and at most one email: every automation has exactly one.
	 */
	public Action emailAction() {
		return actions.stream()
			.filter(action -> action.type() == ActionType.SEND_EMAIL)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Automation " + id + " sends no email"));
	}

	public UUID id() {
		return id;
	}

	public UUID workspaceId() {
		return workspaceId;
	}

	public String name() {
		return name;
	}

	public Trigger trigger() {
		return trigger;
	}

	public boolean enabled() {
		return enabled;
	}

	public List<Action> actions() {
		return List.copyOf(actions);
	}

	public String createdBy() {
		return createdBy;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public String updatedBy() {
		return updatedBy;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public long version() {
		return version == null ? 0 : version;
	}
}
