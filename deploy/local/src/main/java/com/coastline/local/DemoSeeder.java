package com.coastline.local;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

/**
 * Seeds a demo workspace through the public APIs, as a contractor would set it up: a workspace, a
 * client, a project with that client as primary contact (a lead, to approve and watch the email
 * arrive), a second project of the same client under way (an estimate sent and awaiting the client's
 * approval, a site survey done last week, measurements booked for next week), site photos on both (with
 * the GPS position and camera serial number a phone writes; some added to the customer portal, some kept
 * internal) and a shared project guide (PDF) on the second, and an enabled "Project approved" automation
 * that emails the client a personal link to the customer portal.
 * Idempotent: what exists already (found by name, email, title, notes or file name) is reused, so a
 * second start adds nothing.
 */
public final class DemoSeeder {

	public static final String WORKSPACE = "Summit Roofing (demo)";

	public static final String CONTACT_EMAIL = "dana.reyes@example.com";

	/** The demo workspace's owner, who signs in to the back office with an emailed code. */
	public static final String OWNER_EMAIL = "sam.ortiz@summit-roofing.example";

	public static final String OWNER_NAME = "Sam Ortiz";

	public static final String PROJECT = "Roof replacement";

	/** The demo portal's address: {@code /p/summit-roofing} on portal-service. */
	public static final String PORTAL_SLUG = "summit-roofing";

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

	/** The shared project guide on the kitchen remodel (a one-page PDF). */
	public static final String KITCHEN_GUIDE = "Kitchen remodel - project guide.pdf";

	/** How long media-service may take to hear of a new project (ProjectUpserted on project.events). */
	static final Duration MEDIA_KNOWS_PROJECT = Duration.ofMinutes(2);

	/**
	 * What the demo consists of; {@code media}: the roof replacement's photos; {@code ownerId}: the workspace's
	 * owner ({@link #OWNER_EMAIL}, invited: active from the first sign-in).
	 */
	public record Demo(UUID workspaceId, UUID contactId, UUID projectId, UUID automationId, Job kitchen,
			Media media, UUID ownerId) {
	}

	/**
	 * A project under way: its estimate (sent, awaiting the client's approval), its visits (the site
	 * survey, completed last week; the measurements, booked for next week), its deposit invoice, and its
	 * photos and documents.
	 */
	public record Job(UUID projectId, UUID estimateId, UUID surveyId, UUID measurementsId, UUID depositInvoiceId,
			Media media) {
	}

	/**
	 * A project's photos and documents in media-service, in the order seeded.
	 *
	 * @param portalPhotos the photos added to the customer portal
	 * @param privatePhotos the photos kept internal
	 * @param sharedDocuments the documents shared with the client
	 */
	public record Media(List<UUID> portalPhotos, List<UUID> privatePhotos, List<UUID> sharedDocuments) {
	}

	/** A demo photo: its file name (how a second seeding finds it), what it shows, whether it is on the portal. */
	record DemoPhoto(String fileName, DemoFiles.Scene scene, boolean onPortal, LocalDateTime taken) {
	}

	/** A phone's EXIF, as on photos taken on site: a serial number the client must never receive. */
	static final DemoFiles.Camera CREW_PHONE = new DemoFiles.Camera("Apple", "iPhone 14 Pro", "F2LZK0QXN7HT");

	/** The estimator's camera. */
	static final DemoFiles.Camera ESTIMATOR_CAMERA = new DemoFiles.Camera("Canon", "Canon EOS R6", "092021004711");

	/** The job sites' positions (what the photos' GPS EXIF says): 1450 Pine Street and 2218 Mapleton Avenue, Boulder. */
	static final double[] ROOF_SITE = { 40.01864, -105.27743 };

	static final double[] KITCHEN_SITE = { 40.02251, -105.26684 };

	/** The services the seeder calls: what a {@link ServiceUrls} given to it must know. */
	public static final Set<Service> SERVICES = Collections.unmodifiableSet(
			EnumSet.of(Service.IDENTITY, Service.PROJECT, Service.MEDIA, Service.PORTAL, Service.AUTOMATION));

	private final ServiceUrls services;

	private final Api api;

	/**
	 * Seeds through these services (a {@link LocalStack}, or the URLs {@link SeedDemo} read) with the admin
	 * client's secret from {@code ADMIN_CLIENT_SECRET} or the local default ({@link Api#admin(String)}).
	 */
	public DemoSeeder(ServiceUrls services) {
		this(services, Api.admin(services.url(Service.IDENTITY)));
	}

	/** Seeds through these services as this admin client (client credentials at identity-service). */
	public DemoSeeder(ServiceUrls services, Api admin) {
		this.services = services;
		this.api = admin;
	}

	public Demo seed() {
		UUID workspace = findOrCreate(services.url(Service.IDENTITY) + "/api/workspaces?name=" + Api.query(WORKSPACE),
				services.url(Service.IDENTITY) + "/api/workspaces",
				Map.of("name", WORKSPACE, "timeZone", TIME_ZONE.getId(), "currency", "USD"), api.token());
		String token = api.token(workspace);
		UUID owner = owner(workspace, token);
		UUID contact = findOrCreate(services.url(Service.PROJECT) + "/api/contacts?email=" + Api.query(CONTACT_EMAIL),
				services.url(Service.PROJECT) + "/api/contacts",
				Map.of("firstName", "Dana", "lastName", "Reyes", "email", CONTACT_EMAIL, "phone", "+1 303 555 0142"),
				token);
		UUID project = findOrCreate(services.url(Service.PROJECT) + "/api/projects?name=" + Api.query(PROJECT),
				services.url(Service.PROJECT) + "/api/projects",
				Map.of("name", PROJECT, "address", "1450 Pine Street, Boulder, CO 80302", "primaryContactId", contact),
				token);
		demoPortal(token);
		Job kitchen = seedKitchenRemodel(contact, token);
		UUID automation = demoAutomation(token);
		Media roofPhotos = media(project, ROOF_SITE, CREW_PHONE, roofPhotos(), List.of(), token);
		return new Demo(workspace, contact, project, automation, kitchen, roofPhotos, owner);
	}

	/**
	 * The workspace's owner at identity-service, invited by the admin client (the workspace was made without one):
	 * the first sign-in through the back-office gateway accepts the invitation. Found by email on a second start.
	 */
	private UUID owner(UUID workspace, String token) {
		String staff = services.url(Service.IDENTITY) + "/api/staff";
		for (JsonNode member : api.get(staff, token).require(200)) {
			if (OWNER_EMAIL.equals(member.path("email").asString())) {
				return id(member);
			}
		}
		return id(api.post(staff, Map.of("email", OWNER_EMAIL, "name", OWNER_NAME, "role", "OWNER"), token).require(201));
	}

	/**
	 * The demo workspace's Customer Portal: its address, accent colour and footer contacts, open to clients. No
	 * display name of its own, so clients (and the automation's {@code {{contractor.name}}}) see the workspace's.
	 */
	private void demoPortal(String token) {
		String profile = services.url(Service.PORTAL) + "/api/portal-profile";
		if (api.get(profile, token).require(200).path("active").asBoolean()) {
			return;
		}
		Map<String, Object> branding = new LinkedHashMap<>();
		branding.put("slug", PORTAL_SLUG);
		branding.put("accentColor", "#0b5cad");
		branding.put("contactPhone", "+1 303 555 0100");
		branding.put("contactEmail", "office@summit-roofing.example");
		branding.put("contactAddress", "2600 Canyon Boulevard, Boulder, CO 80302");
		api.put(profile, branding, token).require(200);
		api.post(profile + "/activate", null, token).require(200);
	}

	/**
	 * The kitchen remodel, step by step: its estimate, visits and deposit invoice. Each step finds what it
	 * makes before making it, so seeding again creates nothing.
	 */
	private Job seedKitchenRemodel(UUID contact, String token) {
		UUID project = findOrCreate(
				services.url(Service.PROJECT) + "/api/projects?name=" + Api.query(KITCHEN_PROJECT),
				services.url(Service.PROJECT) + "/api/projects", Map.of("name", KITCHEN_PROJECT, "address",
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
		Media media = media(project, KITCHEN_SITE, ESTIMATOR_CAMERA, kitchenPhotos(lastWeek), List.of(KITCHEN_GUIDE),
				token);
		return new Job(project, estimate, survey, measurements, deposit, media);
	}

	/** The roof as the crew found it: two for the client, one of the attic kept internal. */
	static List<DemoPhoto> roofPhotos() {
		LocalDateTime inspected = LocalDate.now(TIME_ZONE).minusDays(10).atTime(10, 12, 40);
		return List.of(new DemoPhoto("Roof - front, before tear-off.jpg", DemoFiles.Scene.ROOF_FRONT, true, inspected),
				new DemoPhoto("Roof - chimney step flashing.jpg", DemoFiles.Scene.CHIMNEY_FLASHING, true,
						inspected.plusMinutes(4)),
				new DemoPhoto("Attic - water stain on decking (internal).jpg", DemoFiles.Scene.ATTIC_DECKING, false,
						inspected.plusMinutes(17)));
	}

	/** From the site survey: the kitchen and the layout sketch for the client, the plumbing kept internal. */
	static List<DemoPhoto> kitchenPhotos(ZonedDateTime survey) {
		LocalDateTime taken = survey.toLocalDateTime().plusMinutes(20);
		return List.of(new DemoPhoto("Kitchen - before.jpg", DemoFiles.Scene.KITCHEN_BEFORE, true, taken),
				new DemoPhoto("Kitchen - measured layout sketch.jpg", DemoFiles.Scene.LAYOUT_SKETCH, true,
						taken.plusMinutes(35)),
				new DemoPhoto("Under the sink - supply valves (internal).jpg", DemoFiles.Scene.UNDER_SINK, false,
						taken.plusMinutes(12)));
	}

	/**
	 * The project's photos and documents in media-service: each found by its file name or uploaded
	 * (multipart, through the back-office API), then the photos meant for the client added to the customer
	 * portal and the documents shared (again, if someone took them off; nothing is ever taken off the portal
	 * here). Waits first until media-service has heard of the project (from project.events): until then its
	 * APIs answer 404 for it.
	 */
	private Media media(UUID project, double[] site, DemoFiles.Camera camera, List<DemoPhoto> photos,
			List<String> documents, String token) {
		String media = services.url(Service.MEDIA);
		List<JsonNode> existing = Api.items(awaitKnownToMedia(media + "/api/projects/" + project + "/photos", token));
		List<JsonNode> uploaded = new ArrayList<>();
		for (DemoPhoto photo : photos) {
			uploaded.add(existing.stream()
				.filter(found -> photo.fileName().equals(found.path("fileName").asString()))
				.findFirst()
				.orElseGet(() -> api.upload(media + "/api/projects/" + project + "/photos", photo.fileName(),
						"image/jpeg", DemoFiles.photo(photo.scene(), site[0], site[1], camera, photo.taken()), token)
					.require(201)));
		}
		List<UUID> toAdd = new ArrayList<>();
		List<UUID> portal = new ArrayList<>();
		List<UUID> internal = new ArrayList<>();
		for (int i = 0; i < photos.size(); i++) {
			UUID id = id(uploaded.get(i));
			(photos.get(i).onPortal() ? portal : internal).add(id);
			if (photos.get(i).onPortal() && !uploaded.get(i).path("onPortal").asBoolean()) {
				toAdd.add(id);
			}
		}
		if (!toAdd.isEmpty()) {
			api.post(media + "/api/photos/add-to-portal", Map.of("photoIds", toAdd), token).require(200);
		}
		List<UUID> shared = new ArrayList<>();
		if (!documents.isEmpty()) {
			String list = media + "/api/projects/" + project + "/documents";
			List<JsonNode> existingDocuments = Api.items(api.get(list, token).require(200));
			for (String fileName : documents) {
				JsonNode document = existingDocuments.stream()
					.filter(found -> fileName.equals(found.path("fileName").asString()))
					.findFirst()
					.orElseGet(() -> api.upload(list, fileName, "application/pdf", kitchenGuide(), token).require(201));
				UUID id = id(document);
				if (!document.path("shared").asBoolean()) {
					api.post(media + "/api/documents/" + id + "/share", null, token).require(200);
				}
				shared.add(id);
			}
		}
		return new Media(List.copyOf(portal), List.copyOf(internal), List.copyOf(shared));
	}

	/** What the client reads before the work starts: a one-page PDF. */
	static byte[] kitchenGuide() {
		return DemoFiles.pdf("Your kitchen remodel: what to expect", List.of(
				"Summit Roofing - 2218 Mapleton Avenue, Boulder, CO 80304", "",
				"1. Design and ordering. Once the deposit is paid we order the cabinets (about 4 weeks).",
				"2. Demolition, 1 day. We remove the old cabinets and countertop and haul them away.",
				"   Please empty the cabinets and the space under the sink the day before.",
				"3. Rough-in, 1 to 2 days. Plumbing and the range outlet are adjusted; the water is off for",
				"   about 2 hours, and we will tell you when.",
				"4. Cabinets, 2 days. Installed, levelled and fixed to the wall.",
				"5. Countertop template and installation. The quartz is templated once the cabinets are in;",
				"   fabrication takes about 10 working days, installation half a day.",
				"6. Sink, faucet and final clean, 1 day. We walk through the kitchen with you at the end.", "",
				"Working hours: Monday to Friday, 7:30 am to 4:30 pm. Your site lead is Marco Alvarez.",
				"Questions: reply in the customer portal or call +1 303 555 0100."));
	}

	/**
	 * The project's photos once media-service knows the project: it learns of projects from project-service's
	 * ProjectUpserted events, and answers 404 for one it has not heard of yet.
	 */
	private JsonNode awaitKnownToMedia(String url, String token) {
		long deadline = System.nanoTime() + MEDIA_KNOWS_PROJECT.toNanos();
		while (true) {
			Api.Response response = api.get(url, token);
			if (response.status() != 404) {
				return response.require(200);
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("media-service did not hear of the project within "
						+ MEDIA_KNOWS_PROJECT + " (is it consuming project.events?): " + url + " answers " + response);
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	/**
	 * The design and ordering deposit, issued (open, due in 14 days from the first seeding) unless it is there
	 * (a draft left behind is issued).
	 */
	private UUID openDepositInvoice(UUID project, String token) {
		String invoices = services.url(Service.PROJECT) + "/api/projects/" + project + "/invoices";
		JsonNode invoice = find(api.get(invoices, token).require(200),
				found -> DEPOSIT_INVOICE.equals(found.path("title").asString()))
			.orElseGet(() -> api.post(invoices, Map.of("currency", "USD", "title", DEPOSIT_INVOICE, "notes",
					"Due before the cabinets are ordered; deducted from the final invoice.", "dueDate",
					LocalDate.now(TIME_ZONE).plusDays(14).toString(), "lineItems",
					List.of(line("Design and ordering deposit", "1", 450_000, 0))), token).require(201));
		UUID id = id(invoice);
		if ("DRAFT".equals(invoice.path("status").asString())) {
			api.post(services.url(Service.PROJECT) + "/api/invoices/" + id + "/issue", null, token).require(200);
		}
		return id;
	}

	/** The project's kitchen estimate, written and sent unless it is there (a draft left behind is sent). */
	private UUID sentEstimate(UUID project, String token) {
		String estimates = services.url(Service.PROJECT) + "/api/projects/" + project + "/estimates";
		JsonNode estimate = find(api.get(estimates, token).require(200),
				found -> KITCHEN_ESTIMATE.equals(found.path("versions").path(0).path("title").asString()))
			.orElseGet(() -> api.post(estimates, kitchenEstimate(), token).require(201));
		UUID id = id(estimate);
		if ("DRAFT".equals(estimate.path("status").asString())) {
			api.post(services.url(Service.PROJECT) + "/api/estimates/" + id + "/send", null, token).require(200);
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
		String appointments = services.url(Service.PROJECT) + "/api/projects/" + project + "/appointments";
		return find(api.get(appointments, token).require(200), found -> notes.equals(found.path("notes").asString()))
			.map(DemoSeeder::id)
			.orElseGet(() -> id(api.post(appointments, Map.of(
					"startsAt", startsAt.toInstant().truncatedTo(ChronoUnit.SECONDS).toString(),
					"endsAt", endsAt.toInstant().truncatedTo(ChronoUnit.SECONDS).toString(),
					"timeZone", TIME_ZONE.getId(), "assigneeName", "Marco Alvarez", "notes", notes), token)
				.require(201)));
	}

	private void completed(UUID appointment, String token) {
		String url = services.url(Service.PROJECT) + "/api/appointments/" + appointment;
		if (!"COMPLETED".equals(api.get(url, token).require(200).path("status").asString())) {
			api.post(url + "/complete", null, token).require(200);
		}
	}

	/** The subject of the demo's approval email. */
	public static final String APPROVAL_SUBJECT = "Your project is approved: here is your portal";

	/** The subject the demo's automation had before it carried the portal link; such a copy is brought up to date. */
	static final String EARLIER_APPROVAL_SUBJECT = "Your project is approved";

	/**
	 * The approval email's body: the client's first name, the project, the contractor and the client's
	 * one-tap portal link ({@code {{portal.link}}}, minted for each run by identity-service), as
	 * automation-service renders them.
	 */
	static final String APPROVAL_BODY = """
			Hello {{client.first_name}},

			Good news: {{project.name}} is approved. Thank you for choosing {{contractor.name}}.

			Everything about the job is in your customer portal: the schedule, photos from the site, estimates and invoices. Open it with your personal link, no password needed:

			{{portal.link}}

			The link is yours alone, so please do not forward this email. We will be in touch shortly to schedule the work.

			{{contractor.name}}""";

	/** An enabled "Project approved → send email" automation with the given name, sending the portal link. */
	public static Map<String, Object> approvedProjectAutomation(String name) {
		Map<String, Object> automation = new LinkedHashMap<>();
		automation.put("name", name);
		automation.put("trigger", "PROJECT_APPROVED");
		automation.put("enabled", true);
		automation.put("actions", List.of(approvalEmail()));
		return automation;
	}

	private static Map<String, Object> approvalEmail() {
		Map<String, Object> action = new LinkedHashMap<>();
		action.put("type", "SEND_EMAIL");
		action.put("subject", APPROVAL_SUBJECT);
		action.put("body", APPROVAL_BODY);
		return action;
	}

	/**
	 * The demo automation, created unless it is there. One left by an earlier version of the demo (the
	 * plain approval email, without the portal link) gets the current email; one changed by hand is kept.
	 */
	private UUID demoAutomation(String token) {
		String automations = services.url(Service.AUTOMATION) + "/api/automations";
		Optional<JsonNode> existing = find(api.get(automations, token).require(200),
				automation -> AUTOMATION.equals(automation.path("name").asString()));
		if (existing.isEmpty()) {
			return id(api.post(automations, approvedProjectAutomation(AUTOMATION), token).require(201));
		}
		JsonNode automation = existing.get();
		UUID id = id(automation);
		if (EARLIER_APPROVAL_SUBJECT.equals(automation.path("actions").path(0).path("subject").asString())) {
			Map<String, Object> update = new LinkedHashMap<>();
			update.put("name", AUTOMATION);
			update.put("enabled", automation.path("enabled").asBoolean());
			update.put("actions", List.of(approvalEmail()));
			update.put("version", automation.path("version").asLong());
			api.put(automations + "/" + id, update, token).require(200);
		}
		return id;
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
