package com.coastline.identity.workspace.web;

import java.time.Instant;
import java.util.UUID;

import com.coastline.identity.workspace.Workspace;

/**
 * A workspace as the API shows it.
 *
 * @param id the workspace id ({@code wid} of its tokens)
 * @param name the business name
 * @param timeZone IANA time zone id
 * @param currency ISO 4217 code
 * @param createdAt when it was created
 * @param version 1 at creation, incremented by every change
 */
public record WorkspaceView(UUID id, String name, String timeZone, String currency, Instant createdAt, long version) {

	static WorkspaceView of(Workspace workspace) {
		return new WorkspaceView(workspace.getId(), workspace.getName(), workspace.getTimeZone(), workspace.getCurrency(),
				workspace.getCreatedAt(), workspace.getVersion());
	}
}
