package com.coastline.backoffice.routing;

import java.util.List;

/**
 * The route table: which service owns which back-office API paths. Explicit, so that a new endpoint is routed
 * only once someone adds it here; a path no service owns answers 404. Where two services share a prefix
 * ({@code /api/contacts}, {@code /api/projects}), the narrower paths are listed on the services declared first,
 * and the routes are tried in this order.
 */
public enum BackOfficeService {

	/** Staff, workspaces, sign-up, and a contact's portal links and sessions. */
	IDENTITY("identity", "/api/contacts/*/links", "/api/contacts/*/links/**", "/api/contacts/*/sessions",
			"/api/staff/**", "/api/workspaces/**", "/api/signups"),

	/** The workspace's portal profile and a project's Customer Portal menu item and link. */
	PORTAL("portal", "/api/portal-profile/**", "/api/projects/*/customer-portal-menu",
			"/api/projects/*/customer-portal-link"),

	/** Photos and documents. */
	MEDIA("media", "/api/photos/**", "/api/documents/**", "/api/projects/*/photos/**", "/api/projects/*/documents/**"),

	/** Automations, templates, dynamic values and runs. */
	AUTOMATION("automation", "/api/automations/**", "/api/automation-runs/**", "/api/dynamic-values/**",
			"/api/email-templates/**", "/api/projects/*/automation-runs/**"),

	/** Email deliveries and undeliverable addresses. */
	NOTIFICATION("notification", "/api/deliveries/**", "/api/undeliverable-addresses/**"),

	/** Contacts, projects, estimates, invoices, appointments, payment settings: the rest of their prefixes. */
	PROJECT("project", "/api/contacts/**", "/api/projects/**", "/api/estimates/**", "/api/invoices/**",
			"/api/appointments/**", "/api/payment-settings/**");

	private final String id;

	private final List<String> paths;

	BackOfficeService(String id, String... paths) {
		this.id = id;
		this.paths = List.of(paths);
	}

	/** The service's name: its route id, circuit breaker and configuration key. */
	public String id() {
		return this.id;
	}

	/** Its path patterns ({@code /**} also matches the prefix itself). */
	public List<String> paths() {
		return this.paths;
	}
}
