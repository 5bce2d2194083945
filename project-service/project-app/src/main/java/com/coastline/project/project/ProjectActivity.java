package com.coastline.project.project;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.TenantId;

import org.springframework.data.domain.Persistable;

/** One entry of a project's timeline: what happened, when, and who did it. Never changes once written. */
@Entity
@Table(name = "project_activity")
public class ProjectActivity implements Persistable<UUID> {

	static final int MAX_SUMMARY_LENGTH = 500;

	@Id
	private UUID id;

	@TenantId
	@Column(name = "workspace_id", nullable = false, updatable = false)
	private UUID workspaceId;

	@Column(nullable = false, updatable = false)
	private UUID projectId;

	@Column(nullable = false, updatable = false)
	private Instant occurredAt;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false, length = 40)
	private ActivityKind kind;

	@Column(nullable = false, updatable = false, length = 200)
	private String actor;

	@Column(nullable = false, updatable = false, length = MAX_SUMMARY_LENGTH)
	private String summary;

	@Column(updatable = false)
	private UUID subjectId;

	@Transient
	private boolean created;

	protected ProjectActivity() {
	}

	ProjectActivity(UUID projectId, Instant occurredAt, ActivityKind kind, String actor, String summary,
			UUID subjectId) {
		this.id = UUID.randomUUID();
		this.projectId = Objects.requireNonNull(projectId, "projectId");
		this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
		this.kind = Objects.requireNonNull(kind, "kind");
		this.actor = Objects.requireNonNull(actor, "actor");
		String text = Objects.requireNonNull(summary, "summary").strip();
		this.summary = (text.length() > MAX_SUMMARY_LENGTH) ? text.substring(0, MAX_SUMMARY_LENGTH) : text;
		this.subjectId = subjectId;
		this.created = true;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	public UUID getProjectId() {
		return this.projectId;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public ActivityKind getKind() {
		return this.kind;
	}

	public String getActor() {
		return this.actor;
	}

	public String getSummary() {
		return this.summary;
	}

	public UUID getSubjectId() {
		return this.subjectId;
	}

	@Override
	public boolean isNew() {
		return this.created;
	}

	@PostPersist
	@PostLoad
	void markStored() {
		this.created = false;
	}
}
