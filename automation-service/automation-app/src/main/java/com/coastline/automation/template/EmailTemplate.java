package com.coastline.automation.template;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

import com.coastline.automation.automation.InvalidAutomationException;
import com.coastline.automation.automation.Trigger;

/**
 * An email of the workspace's template library: a subject and a plain-text body with dynamic values, from
 * which a Send email action copies its content. The starters are the workspace's own copies, which it may
 * change or delete like any other.
 */
@Entity
@Table(name = "email_template")
public class EmailTemplate {

	public static final int MAX_NAME_LENGTH = 100;

	@Id
	private UUID id;

	@TenantId
	@Column(name = "workspace_id", nullable = false, updatable = false)
	private UUID workspaceId;

	@Column(nullable = false, length = MAX_NAME_LENGTH)
	private String name;

	@Column(nullable = false)
	private String subject;

	@Column(nullable = false)
	private String body;

	@Enumerated(EnumType.STRING)
	@Column(name = "suggested_trigger")
	private Trigger suggestedTrigger;

	@Column(name = "starter", updatable = false)
	private String starter;

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

	protected EmailTemplate() {
	}

	private EmailTemplate(UUID id, String starter, String author, Instant now) {
		this.id = id;
		this.starter = starter;
		this.createdBy = author;
		this.createdAt = now;
	}

	/** A template of the current workspace; subject and body are checked by the library, not here. */
	static EmailTemplate create(String name, String subject, String body, Trigger suggestedTrigger, String author,
			Clock clock) {
		EmailTemplate template = new EmailTemplate(UUID.randomUUID(), null, author, clock.instant());
		template.change(name, subject, body, suggestedTrigger, author, clock);
		return template;
	}

	/** The workspace's copy of a starter, created at {@code now}. */
	static EmailTemplate copyOf(StarterTemplate starter, String author, Instant now) {
		EmailTemplate template = new EmailTemplate(UUID.randomUUID(), starter.key(), author, now);
		template.name = starter.title();
		template.subject = starter.subject();
		template.body = starter.body();
		template.suggestedTrigger = starter.trigger();
		template.updatedBy = author;
		template.updatedAt = now;
		return template;
	}

	void change(String name, String subject, String body, Trigger suggestedTrigger, String author, Clock clock) {
		if (name == null || name.isBlank() || subject == null || subject.isBlank() || body == null
				|| body.isBlank()) {
			throw new InvalidAutomationException("A template needs a name, a subject and a body.");
		}
		this.name = name.strip();
		this.subject = subject.strip();
		this.body = body;
		this.suggestedTrigger = suggestedTrigger;
		this.updatedBy = author;
		this.updatedAt = clock.instant();
	}

	public UUID id() {
		return id;
	}

	public String name() {
		return name;
	}

	public String subject() {
		return subject;
	}

	public String body() {
		return body;
	}

	/** The trigger the template was written for, if any; a hint for the back office, not a rule. */
	public Trigger suggestedTrigger() {
		return suggestedTrigger;
	}

	/** The key of the starter this is the workspace's copy of, e.g. {@code project-approved}; else null. */
	public String starter() {
		return starter;
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
