package com.coastline.identity.workspace;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Signs contractor businesses up and answers who they are. */
@Service
public class WorkspaceRegistry {

	private final Workspaces workspaces;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	WorkspaceRegistry(Workspaces workspaces, ApplicationEventPublisher events, Clock clock) {
		this.workspaces = workspaces;
		this.events = events;
		this.clock = clock;
	}

	/** Creates a workspace and, in the same transaction, records its {@code WorkspaceCreated} in the outbox. */
	@Transactional
	public Workspace create(String name, ZoneId timeZone, Currency currency) {
		Workspace workspace = this.workspaces.save(Workspace.create(name, timeZone, currency, this.clock));
		this.events.publishEvent(workspace.created());
		return workspace;
	}

	@Transactional(readOnly = true)
	public Optional<Workspace> find(UUID id) {
		return this.workspaces.findById(id);
	}

	@Transactional(readOnly = true)
	public boolean exists(UUID id) {
		return this.workspaces.existsById(id);
	}

	/** The workspaces with exactly this name, oldest first (names are not unique). */
	@Transactional(readOnly = true)
	public List<Workspace> named(String name) {
		return this.workspaces.findByNameOrderByCreatedAt(name.strip());
	}
}
