package com.coastline.backoffice.screens.billing;

import java.util.UUID;

import com.coastline.backoffice.screens.NotFoundException;
import com.coastline.backoffice.screens.Project;
import com.coastline.backoffice.screens.Service;
import com.coastline.backoffice.screens.ServiceCalls;
import com.coastline.backoffice.screens.ServiceRefusedException;
import com.coastline.backoffice.screens.ServiceUnavailableException;
import com.coastline.backoffice.signin.StaffToken;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.stereotype.Component;

/** What the estimate and invoice pages read besides their own resource: the project, the workspace's currency. */
@Component
class Lookups {

	private final ServiceCalls services;

	Lookups(ServiceCalls services) {
		this.services = services;
	}

	/** The project (project-service's 404 for another workspace's → the 404 page). */
	Project project(StaffToken staff, UUID projectId) {
		return this.services.get(staff, Service.PROJECT, Project.class, "/api/projects/{id}", projectId);
	}

	/**
	 * The workspace's currency, as identity knows it ({@code GET /api/workspaces/{wid}}); empty when identity cannot
	 * say right now (the form then asks for it).
	 */
	String currency(StaffToken staff) {
		try {
			Workspace workspace = this.services.get(staff, Service.IDENTITY, Workspace.class, "/api/workspaces/{id}",
					staff.workspaceId());
			return (workspace != null && workspace.currency() != null) ? workspace.currency() : "";
		}
		catch (ServiceUnavailableException | NotFoundException | ServiceRefusedException ex) {
			return "";
		}
	}

	/**
	 * identity's workspace, as far as the forms need it.
	 *
	 * @param id the workspace
	 * @param currency its ISO 4217 currency
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Workspace(UUID id, String currency) {
	}
}
