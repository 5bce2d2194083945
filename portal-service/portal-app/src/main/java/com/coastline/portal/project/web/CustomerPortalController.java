package com.coastline.portal.project.web;

import java.util.UUID;

import com.coastline.portal.project.CustomerPortalAccess;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The back office's Customer Portal item on a project (Project menu, Integrations, Customer Portal): whether
 * to show it, and the client's link to copy. Any staff member of the workspace may use both.
 */
@RestController
@Tag(name = "Customer Portal on a project")
class CustomerPortalController {

	private final CustomerPortalAccess access;

	CustomerPortalController(CustomerPortalAccess access) {
		this.access = access;
	}

	/**
	 * @param available whether the menu item is shown
	 * @param reason why not; absent when it is
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record MenuView(boolean available, String reason) {
	}

	@Operation(summary = "May the project show the Customer Portal menu item?",
			description = "Available when the workspace's portal is active and the project has a primary contact; "
					+ "otherwise the reason. Another workspace's project reads as having no primary contact.")
	@GetMapping("/api/projects/{projectId}/customer-portal-menu")
	MenuView menu(@PathVariable UUID projectId) {
		CustomerPortalAccess.Availability availability = this.access.menu(projectId);
		return new MenuView(availability.available(), availability.reason());
	}

	@Operation(summary = "A fresh one-tap link for the project's primary contact",
			description = "Issued by identity-service for 30 days; never cached. 409 with the reason when the menu "
					+ "item is not available, 503 while identity-service is unavailable.")
	@PostMapping("/api/projects/{projectId}/customer-portal-link")
	ResponseEntity<CustomerPortalAccess.ClientLink> link(@PathVariable UUID projectId) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(this.access.link(projectId));
	}
}
