package com.coastline.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Seeds a demo workspace through the public APIs, as a contractor would set it up: a workspace, a
 * client, a project with that client as primary contact, and an enabled "Project approved" automation.
 * Idempotent: what exists already (found by name or email) is reused, so a second start adds nothing.
 */
public final class DemoSeeder {

	public static final String WORKSPACE = "Summit Roofing (demo)";

	public static final String CONTACT_EMAIL = "dana.reyes@example.com";

	public static final String PROJECT = "Roof replacement";

	public static final String AUTOMATION = "Email the client when the project is approved";

	/** What the demo consists of. */
	public record Demo(UUID workspaceId, UUID contactId, UUID projectId, UUID automationId) {
	}

	private final LocalStack stack;

	private final Api api;

	public DemoSeeder(LocalStack stack) {
		this.stack = stack;
		this.api = Api.admin(stack.url(Service.IDENTITY));
	}

	public Demo seed() {
		UUID workspace = findOrCreate(stack.url(Service.IDENTITY) + "/api/workspaces?name=" + Api.query(WORKSPACE),
				stack.url(Service.IDENTITY) + "/api/workspaces",
				Map.of("name", WORKSPACE, "timeZone", "America/Denver", "currency", "USD"), api.token());
		String token = api.token(workspace);
		UUID contact = findOrCreate(stack.url(Service.PROJECT) + "/api/contacts?email=" + Api.query(CONTACT_EMAIL),
				stack.url(Service.PROJECT) + "/api/contacts",
				Map.of("firstName", "Dana", "lastName", "Reyes", "email", CONTACT_EMAIL, "phone", "+1 303 555 0142"),
				token);
		UUID project = findOrCreate(stack.url(Service.PROJECT) + "/api/projects?name=" + Api.query(PROJECT),
				stack.url(Service.PROJECT) + "/api/projects",
				Map.of("name", PROJECT, "address", "1450 Pine Street, Boulder, CO 80302", "primaryContactId", contact),
				token);
		UUID automation = findAutomation(token).orElseGet(() -> id(api
			.post(stack.url(Service.AUTOMATION) + "/api/automations", approvedProjectAutomation(AUTOMATION), token)
			.require(201)));
		return new Demo(workspace, contact, project, automation);
	}

	/** An enabled "Project approved → send email" automation with the given name. */
	public static Map<String, Object> approvedProjectAutomation(String name) {
		Map<String, Object> action = new LinkedHashMap<>();
		action.put("type", "SEND_EMAIL");
		action.put("subject", "Your project is approved");
		action.put("body", """
				Hello,

				Thank you for choosing Summit Roofing. Your project is approved and we will be in touch to schedule the work.

				Summit Roofing""");
		Map<String, Object> automation = new LinkedHashMap<>();
		automation.put("name", name);
		automation.put("trigger", "PROJECT_APPROVED");
		automation.put("enabled", true);
		automation.put("actions", List.of(action));
		return automation;
	}

	private Optional<UUID> findAutomation(String token) {
		return Api.items(api.get(stack.url(Service.AUTOMATION) + "/api/automations", token).require(200))
			.stream()
			.filter(automation -> AUTOMATION.equals(automation.path("name").asString()))
			.findFirst()
			.map(DemoSeeder::id);
	}

	private UUID findOrCreate(String findUrl, String createUrl, Object body, String token) {
		return Api.first(api.get(findUrl, token).require(200))
			.map(DemoSeeder::id)
			.orElseGet(() -> id(api.post(createUrl, body, token).require(201)));
	}

	private static UUID id(JsonNode node) {
		return UUID.fromString(node.get("id").asString());
	}
}
