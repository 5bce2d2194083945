package com.coastline.local;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

/**
 * Seeds a demo workspace through the public APIs, as a contractor would set it up: a workspace, a
 * client, a project with that client as primary contact (a lead, to approve and watch the email
 * arrive), a second project of the same client under way (an estimate sent and awaiting the client's
 * approval, a site survey done last week, measurements booked for next week), and an enabled "Project
 * approved" automation. Idempotent: what exists already (found by name, email, title or notes) is
 * reused, so a second start adds nothing.
 */
public final class DemoSeeder {

	public static final String WORKSPACE = "Summit Roofing (demo)";

	public static final String CONTACT_EMAIL = "dana.reyes@example.com";

	public static final String PROJECT = "Roof replacement";

	public static final String AUTOMATION = "Email the client when the project is approved";

	/** The job under way: ESTIMATING, with a sent estimate, a past and an upcoming visit. */
	public static final String KITCHEN_PROJECT = "Kitchen remodel";

	public static final String KITCHEN_ESTIMATE = "Kitchen remodel: cabinets, quartz countertop and installation";

	/** The demo workspace's time zone, in which the visits are booked. */
	public static final ZoneId TIME_ZONE = ZoneId.of("America/Denver");

	/** Visits have no title: their internal notes tell them apart when seeding again. */
	static final String SURVEY_NOTES = "Site survey: check the subfloor, the plumbing under the sink and the range outlet.";

	static final String MEASUREMENTS_NOTES = "Final measurements for the cabinets and the countertop template.";

	public static final String DEPOSIT_INVOICE = "Kitchen remodel: design and ordering deposit";

	/** What the demo consists of. */
	public record Demo(UUID workspaceId, UUID contactId, UUID projectId, UUID automationId, Job kitchen) {
	}

	/**
	 * A project under way: its estimate (sent, awaiting the client's approval) and its visits (the site
	 * survey, completed last week; the measurements, booked for next week).
	 */
	public record Job(UUID projectId, UUID estimateId, UUID surveyId, UUID measurementsId, UUID depositInvoiceId) {
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
				Map.of("name", WORKSPACE, "timeZone", TIME_ZONE.getId(), "currency", "USD"), api.token());
		String token = api.token(workspace);
		UUID contact = findOrCreate(stack.url(Service.PROJECT) + "/api/contacts?email=" + Api.query(CONTACT_EMAIL),
				stack.url(Service.PROJECT) + "/api/contacts",
				Map.of("firstName", "Dana", "lastName", "Reyes", "email", CONTACT_EMAIL, "phone", "+1 303 555 0142"),
				token);
		UUID project = findOrCreate(stack.url(Service.PROJECT) + "/api/projects?name=" + Api.query(PROJECT),
				stack.url(Service.PROJECT) + "/api/projects",
				Map.of("name", PROJECT, "address", "1450 Pine Street, Boulder, CO 80302", "primaryContactId", contact),
				token);
		Job kitchen = seedKitchenRemodel(contact, token);
		UUID automation = findAutomation(token).orElseGet(() -> id(api
			.post(stack.url(Service.AUTOMATION) + "/api/automations", approvedProjectAutomation(AUTOMATION), token)
			.require(201)));
		return new Demo(workspace, contact, project, automation, kitchen);
	}

	/**
	 * The kitchen remodel, step by step: its estimate, visits and deposit invoice. Each step finds what it
	 * makes before making it, so seeding again creates nothing.
	 */
	private Job seedKitchenRemodel(UUID contact, String token) {
		UUID project = findOrCreate(
				stack.url(Service.PROJECT) + "/api/projects?name=" + Api.query(KITCHEN_PROJECT),
				stack.url(Service.PROJECT) + "/api/projects", Map.of("name", KITCHEN_PROJECT, "address",
						"2218 Mapleton Avenue, Boulder, CO 80304", "primaryContactId", contact),
				token);
		// Sending the first estimate of a lead moves the project to ESTIMATING (project-service).
		UUID estimate = sentEstimate(project, token);
		ZonedDateTime lastWeek = ZonedDateTime.now(TIME_ZONE).minusWeeks(1).with(LocalTime.of(9, 0));
		UUID survey = appointment(project, SURVEY_NOTES, lastWeek, lastWeek.plusHours(2), token);
		completed(survey, token);
		ZonedDateTime nextWeek = ZonedDateTime.now(TIME_ZONE).plusWeeks(1).with(LocalTime.of(14, 0));
		UUID measurements = appointment(project, MEASUREMENTS_NOTES, nextWeek, nextWeek.plusMinutes(90), token);
		UUID deposit = openDepositInvoice(project, token);
		return new Job(project, estimate, survey, measurements, deposit);
	}

	/**
	 * The design and ordering deposit, issued (open, due in 14 days from the first seeding) unless it is there
	 * (a draft left behind is issued).
	 */
	private UUID openDepositInvoice(UUID project, String token) {
		String invoices = stack.url(Service.PROJECT) + "/api/projects/" + project + "/invoices";
		JsonNode invoice = find(api.get(invoices, token).require(200),
				found -> DEPOSIT_INVOICE.equals(found.path("title").asString()))
			.orElseGet(() -> api.post(invoices, Map.of("currency", "USD", "title", DEPOSIT_INVOICE, "notes",
					"Due before the cabinets are ordered; deducted from the final invoice.", "dueDate",
					LocalDate.now(TIME_ZONE).plusDays(14).toString(), "lineItems",
					List.of(line("Design and ordering deposit", "1", 450_000, 0))), token).require(201));
		UUID id = id(invoice);
		if ("DRAFT".equals(invoice.path("status").asString())) {
			api.post(stack.url(Service.PROJECT) + "/api/invoices/" + id + "/issue", null, token).require(200);
		}
		return id;
	}

	/** The project's kitchen estimate, written and sent unless it is there (a draft left behind is sent). */
	private UUID sentEstimate(UUID project, String token) {
		String estimates = stack.url(Service.PROJECT) + "/api/projects/" + project + "/estimates";
		JsonNode estimate = find(api.get(estimates, token).require(200),
				found -> KITCHEN_ESTIMATE.equals(found.path("versions").path(0).path("title").asString()))
			.orElseGet(() -> api.post(estimates, kitchenEstimate(), token).require(201));
		UUID id = id(estimate);
		if ("DRAFT".equals(estimate.path("status").asString())) {
			api.post(stack.url(Service.PROJECT) + "/api/estimates/" + id + "/send", null, token).require(200);
		}
		return id;
	}

	/**
	 * Demolition, cabinets, countertop, sink and labour, in US cents; materials taxed at 8.85 % (basis
	 * points), demolition and labour not. Valid for 60 days from the first seeding.
	 */
	static Map<String, Object> kitchenEstimate() {
		Map<String, Object> estimate = new LinkedHashMap<>();
		estimate.put("currency", "USD");
		estimate.put("title", KITCHEN_ESTIMATE);
		estimate.put("notes", """
				Includes haul-away of the old cabinets and countertop, and a final clean.
				Appliances, flooring and painting are not included.""");
		estimate.put("validUntil", LocalDate.now(TIME_ZONE).plusDays(60).toString());
		estimate.put("lineItems", List.of(
				line("Demolition and haul-away of the existing kitchen", "1", 185_000, 0),
				line("Shaker cabinets, painted maple, per linear foot", "24", 32_500, 885),
				line("Quartz countertop, 3 cm, per square foot", "42.5", 8_900, 885),
				line("Undermount sink and faucet", "1", 64_900, 885),
				line("Labour: cabinet and countertop installation, per hour", "56", 9_500, 0)));
		return estimate;
	}

	private static Map<String, Object> line(String description, String quantity, long unitPriceMinor,
			int taxRateBasisPoints) {
		return Map.of("description", description, "quantity", new BigDecimal(quantity), "unitPriceMinor",
				unitPriceMinor, "taxRateBasisPoints", taxRateBasisPoints);
	}

	/** The project's visit with these notes, booked in the workspace's time zone unless it is there. */
	private UUID appointment(UUID project, String notes, ZonedDateTime startsAt, ZonedDateTime endsAt, String token) {
		String appointments = stack.url(Service.PROJECT) + "/api/projects/" + project + "/appointments";
		return find(api.get(appointments, token).require(200), found -> notes.equals(found.path("notes").asString()))
			.map(DemoSeeder::id)
			.orElseGet(() -> id(api.post(appointments, Map.of(
					"startsAt", startsAt.toInstant().truncatedTo(ChronoUnit.SECONDS).toString(),
					"endsAt", endsAt.toInstant().truncatedTo(ChronoUnit.SECONDS).toString(),
					"timeZone", TIME_ZONE.getId(), "assigneeName", "Marco Alvarez", "notes", notes), token)
				.require(201)));
	}

	private void completed(UUID appointment, String token) {
		String url = stack.url(Service.PROJECT) + "/api/appointments/" + appointment;
		if (!"COMPLETED".equals(api.get(url, token).require(200).path("status").asString())) {
			api.post(url + "/complete", null, token).require(200);
		}
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

	private static Optional<JsonNode> find(JsonNode list, Predicate<JsonNode> matches) {
		return Api.items(list).stream().filter(matches).findFirst();
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
