package com.coastline.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import com.coastline.notification.api.NotificationTopics;
import com.coastline.platform.test.kafka.TopicRecords;
import com.coastline.project.api.ProjectTopics;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.util.HtmlUtils;

import static com.coastline.platform.test.kafka.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton across real processes: every service as its own JVM, started by the launcher
 * with a real PostgreSQL, Kafka broker and SMTP server ({@link SharedStack#WHOLE_SYSTEM}, which the token attacks
 * and the consumer replicas use next). Approving a project delivers exactly one email, whatever is redelivered or however long SMTP is down.
 */
@Order(1)
class LocalStackPipelineTest {

	private static final Duration EMAIL = Duration.ofSeconds(90);

	private static LocalStack stack;

	private static Api api;

	private static DemoSeeder.Demo demo;

	private static TopicRecords topics;

	/** Eleven JVMs starting side by side on a busy 2-core machine can take longer than the default 5 minutes. */
	@BeforeAll
	@Timeout(value = 12, unit = TimeUnit.MINUTES)
	static void startTheSystem() {
		stack = SharedStack.WHOLE_SYSTEM.get();
		api = Api.admin(stack.url(Service.IDENTITY));
		demo = new DemoSeeder(stack).seed();
		topics = new TopicRecords(stack.kafka().bootstrapServers());
	}

	/**
	 * The demo's approval email: one, to Dana, written from the automation's template with her name, the
	 * project and the contractor; plain text and HTML, with her personal portal link (a link in the HTML)
	 * that identity-service redeems for a session, while the SendEmail command on Kafka carries the link
	 * only sealed.
	 */
	@Test
	void approvingTheDemoProjectDeliversExactlyOneEmailWhosePortalLinkRedeems() {
		String token = api.token(demo.workspaceId());

		api.post(stack.url(Service.PROJECT) + "/api/projects/" + demo.projectId() + "/approve", null, token).require(200);

		await().atMost(EMAIL).until(() -> stack.inbox().mailsTo(DemoSeeder.CONTACT_EMAIL).size() == 1);
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
			.until(() -> stack.inbox().mailsTo(DemoSeeder.CONTACT_EMAIL).size() == 1);
		MailInbox.Mail mail = stack.inbox().mailsTo(DemoSeeder.CONTACT_EMAIL).get(0);
		assertThat(mail.subject()).isEqualTo(DemoSeeder.APPROVAL_SUBJECT);
		assertThat(mail.text()).contains("Hello Dana,")
			.contains(DemoSeeder.PROJECT + " is approved")
			.contains("Thank you for choosing " + DemoSeeder.WORKSPACE)
			.doesNotContain("{{");
		String link = PortalLinkInEmail.url(mail.text());
		assertThat(mail.html()).as("an HTML part beside the text").isNotBlank()
			.contains("Dana")
			.contains("<a href=\"" + HtmlUtils.htmlEscape(link) + "\"");

		JsonNode session = PortalLinkInEmail.redeem(stack, link);
		assertThat(session.path("sessionId").asString()).isNotBlank();
		assertThat(session.path("contactId").asString()).isEqualTo(demo.contactId().toString());
		assertThat(session.path("workspaceId").asString()).isEqualTo(demo.workspaceId().toString());

		ConsumerRecord<String, String> sendEmail = topics.await(NotificationTopics.COMMANDS,
				r -> r.value().contains(demo.projectId().toString()));
		assertThat(sendEmail.value()).contains("\"secrets\"").contains("portal_link")
			.doesNotContain(PortalLinkInEmail.token(link))
			.doesNotContain(link);
		assertThat(sendEmail.headers().toArray()).allSatisfy(header -> assertThat(
				new String(header.value(), StandardCharsets.UTF_8)).doesNotContain(PortalLinkInEmail.token(link)));
		for (String topic : List.of(NotificationTopics.COMMANDS, NotificationTopics.EVENTS)) {
			assertThat(topics.readAll(topic)).as(topic).isNotEmpty()
				.allSatisfy(record -> assertThat(record.value()).doesNotContain(PortalLinkInEmail.token(link)));
		}
		assertThat(rowsAsText(Service.NOTIFICATION, "email_delivery")).as("notification-service's deliveries")
			.isNotEmpty()
			.allSatisfy(row -> assertThat(row).doesNotContain(PortalLinkInEmail.token(link)));
		assertThat(rowsAsText(Service.NOTIFICATION, "email_delivery_secret")).as("the secrets, deleted once sent")
			.allSatisfy(row -> assertThat(row).doesNotContain(PortalLinkInEmail.token(link)));
		assertThat(rowsAsText(Service.AUTOMATION, "automation_run")).as("automation-service's runs")
			.isNotEmpty()
			.allSatisfy(row -> assertThat(row).doesNotContain(PortalLinkInEmail.token(link)));
	}

	/**
	 * A demo automation left by an earlier version of the demo (the plain approval email, without the
	 * portal link) is given the current email by the next seeding, and stays the same automation.
	 */
	@Test
	void seedingAgainBringsTheEarlierDemoEmailUpToDate() {
		String token = api.token(demo.workspaceId());
		String automation = stack.url(Service.AUTOMATION) + "/api/automations/" + demo.automationId();
		JsonNode current = api.get(automation, token).require(200);
		Map<String, Object> earlier = new java.util.LinkedHashMap<>();
		earlier.put("name", DemoSeeder.AUTOMATION);
		earlier.put("enabled", true);
		earlier.put("actions", List.of(Map.of("type", "SEND_EMAIL", "subject", DemoSeeder.EARLIER_APPROVAL_SUBJECT,
				"body", "Hello,\n\nYour project is approved.\n\nSummit Roofing")));
		earlier.put("version", current.path("version").asLong());
		api.put(automation, earlier, token).require(200);

		assertThat(new DemoSeeder(stack).seed().automationId()).isEqualTo(demo.automationId());

		JsonNode action = api.get(automation, token).require(200).path("actions").path(0);
		assertThat(action.path("subject").asString()).isEqualTo(DemoSeeder.APPROVAL_SUBJECT);
		assertThat(action.path("body").asString()).isEqualTo(DemoSeeder.APPROVAL_BODY);
	}

	/** Every row of the service's table, as PostgreSQL writes a row as text (every column). */
	private static List<String> rowsAsText(Service service, String table) {
		try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(service), "postgres", "postgres");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select t::text from " + table + " t")) {
			List<String> all = new java.util.ArrayList<>();
			while (rows.next()) {
				all.add(rows.getString(1));
			}
			return all;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read " + table + " of " + service, ex);
		}
	}

	@Test
	void seedingAgainCreatesNothingNew() {
		assertThat(new DemoSeeder(stack).seed()).isEqualTo(demo);
	}

	@Test
	void theDemoKitchenRemodelIsBeingEstimatedWithASentEstimateAVisitDoneAndOneToComeAndAnOpenDeposit() {
		String token = api.token(demo.workspaceId());
		DemoSeeder.Job kitchen = demo.kitchen();
		String project = stack.url(Service.PROJECT) + "/api/projects/" + kitchen.projectId();

		JsonNode details = api.get(project, token).require(200);
		assertThat(details.path("name").asString()).isEqualTo(DemoSeeder.KITCHEN_PROJECT);
		assertThat(details.path("primaryContactId").asString()).isEqualTo(demo.contactId().toString());
		assertThat(details.path("status").asString()).isEqualTo("ESTIMATING");
		assertThat(Api.items(api.get(project + "/estimates", token).require(200)))
			.extracting(estimate -> estimate.path("id").asString(), estimate -> estimate.path("status").asString(),
					estimate -> estimate.path("versions").size())
			.containsExactly(tuple(kitchen.estimateId().toString(), "SENT", 1));
		List<JsonNode> visits = Api.items(api.get(project + "/appointments", token).require(200));
		assertThat(visits)
			.extracting(visit -> visit.path("id").asString(), visit -> visit.path("status").asString(),
					visit -> visit.path("timeZone").asString())
			.containsExactly(tuple(kitchen.surveyId().toString(), "COMPLETED", "America/Denver"),
					tuple(kitchen.measurementsId().toString(), "SCHEDULED", "America/Denver"));
		assertThat(Instant.parse(visits.get(0).path("endsAt").asString())).isBefore(Instant.now());
		assertThat(Instant.parse(visits.get(1).path("startsAt").asString())).isAfter(Instant.now());
		assertThat(Api.items(api.get(project + "/invoices", token).require(200)))
			.extracting(invoice -> invoice.path("id").asString(), invoice -> invoice.path("status").asString(),
					invoice -> invoice.path("balanceDueMinor").asLong())
			.containsExactly(tuple(kitchen.depositInvoiceId().toString(), "OPEN", 450_000L));
	}

	/**
	 * Dana, signed in to the portal, sees in each demo project's gallery exactly the photos added to the
	 * portal and the shared document; what she can download has the photos' pixels but neither the job
	 * site's GPS position nor the camera's serial number, which the originals (back office) still carry.
	 * The photos kept internal are neither listed nor reachable by their URLs.
	 */
	@Test
	void theDemoContactSeesOnlyTheSharedPhotosAndDocumentWithoutLocationOrSerialNumber() throws Exception {
		String admin = api.token(demo.workspaceId());
		String client = clientTokenOf(demo.contactId());
		String media = stack.url(Service.MEDIA);
		Map<UUID, DemoSeeder.Media> projects = Map.of(demo.projectId(), demo.media(), demo.kitchen().projectId(),
				demo.kitchen().media());
		assertThat(demo.kitchen().media().sharedDocuments()).hasSize(1);

		for (Map.Entry<UUID, DemoSeeder.Media> project : projects.entrySet()) {
			DemoSeeder.Media seeded = project.getValue();
			assertThat(seeded.portalPhotos()).isNotEmpty();
			assertThat(seeded.privatePhotos()).isNotEmpty();
			String portal = media + "/portal/projects/" + project.getKey();
			List<JsonNode> gallery = Api.items(api.get(portal + "/photos", client).require(200));
			assertThat(gallery).extracting(photo -> UUID.fromString(photo.path("id").asString()))
				.containsExactlyInAnyOrderElementsOf(seeded.portalPhotos());
			List<JsonNode> documents = Api.items(api.get(portal + "/documents", client).require(200));
			assertThat(documents).extracting(document -> UUID.fromString(document.path("id").asString()))
				.containsExactlyInAnyOrderElementsOf(seeded.sharedDocuments());

			for (JsonNode photo : gallery) {
				Api.Download web = api.download(media + photo.path("webUrl").asString(), client);
				assertThat(web.status()).isEqualTo(200);
				assertThat(web.contentType()).startsWith("image/jpeg");
				assertThat(ImageIO.read(new ByteArrayInputStream(web.body())).getWidth())
					.isEqualTo(DemoFiles.WIDTH);
				assertHasNoLocationOrCamera(web.body());
				assertHasNoLocationOrCamera(
						api.download(media + photo.path("thumbnailUrl").asString(), client).require(200));
				byte[] original = api.download(media + "/api/photos/" + photo.path("id").asString() + "/original",
						admin).require(200);
				assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(original))
					.getFirstDirectoryOfType(GpsDirectory.class)
					.getGeoLocation()).as("the original keeps what the camera wrote").isNotNull();
				String raw = new String(original, StandardCharsets.ISO_8859_1);
				assertThat(SERIAL_NUMBERS).as("the original keeps the camera's serial number").anyMatch(raw::contains);
			}
			for (UUID internal : seeded.privatePhotos()) {
				for (String rendition : List.of("/web", "/thumbnail")) {
					assertThat(api.download(media + "/portal/photos/" + internal + rendition, client).status())
						.as("internal photo %s%s", internal, rendition).isEqualTo(404);
				}
			}
			for (JsonNode document : documents) {
				Api.Download file = api.download(media + document.path("fileUrl").asString(), client);
				assertThat(file.status()).isEqualTo(200);
				assertThat(file.contentType()).startsWith("application/pdf");
				assertThat(new String(file.body(), 0, 8, StandardCharsets.US_ASCII)).startsWith("%PDF-1.");
				assertThat(document.path("fileName").asString()).isEqualTo(DemoSeeder.KITCHEN_GUIDE);
			}
		}
	}

	@Test
	void redeliveredProjectApprovedAndSendEmailDeliverNothingMore() {
		Client client = newClientWithProject(demo.workspaceId());
		client.approve();
		await().atMost(EMAIL).until(() -> client.mails() == 1);
		ConsumerRecord<String, String> approved = topics.await(ProjectTopics.EVENTS,
				r -> client.projectId.toString().equals(r.key()) && ProjectTopics.PROJECT_APPROVED.equals(header(r, "ce_type")));
		ConsumerRecord<String, String> sendEmail = topics.await(NotificationTopics.COMMANDS,
				r -> r.value().contains(client.projectId.toString()));
		double automationSkips = skippedDuplicates(Service.AUTOMATION);
		double notificationSkips = skippedDuplicates(Service.NOTIFICATION);

		topics.resend(approved);
		topics.resend(sendEmail);

		await().atMost(Duration.ofSeconds(30)).until(() -> skippedDuplicates(Service.AUTOMATION) > automationSkips
				&& skippedDuplicates(Service.NOTIFICATION) > notificationSkips);
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> client.mails() == 1);
	}

	@Test
	void emailArrivesOnceSmtpIsBack() {
		Client client = newClientWithProject(demo.workspaceId());
		stack.inbox().smtpDown();
		try {
			client.approve();
			await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15)).until(() -> client.mails() == 0);
		}
		finally {
			stack.inbox().smtpUp();
		}

		await().atMost(EMAIL).until(() -> client.mails() == 1);
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> client.mails() == 1);
	}

	@Test
	void twoEnabledAutomationsSendTwoEmailsWhoseLinksRedeemAndADisabledOneNone() {
		UUID workspace = api.post(stack.url(Service.IDENTITY) + "/api/workspaces",
				Map.of("name", "Two automations " + UUID.randomUUID(), "timeZone", "Europe/Lisbon", "currency", "EUR"),
				api.token()).require(201).get("id").asString().transform(UUID::fromString);
		String token = api.token(workspace);
		createAutomation(token, "First", true);
		createAutomation(token, "Second", true);
		createAutomation(token, "Switched off", false);
		Client client = newClientWithProject(workspace);

		client.approve();

		await().atMost(EMAIL).until(() -> client.mails() == 2);
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> client.mails() == 2);
		List<String> links = stack.inbox().mailsTo(client.email()).stream()
			.map(mail -> PortalLinkInEmail.url(mail.text()))
			.toList();
		assertThat(links).as("a link per run").doesNotHaveDuplicates();
		links.forEach(link -> assertThat(PortalLinkInEmail.redeem(stack, link).path("sessionId").asString()).isNotBlank());
	}

	/**
	 * Issue 9: the back-office gateway's forms work across the real processes (CSRF token, same-site check, the
	 * fields reaching the gateway's pages, identity's internal APIs called with the gateway's client token): the
	 * demo's owner asks for a sign-in code and gets the code form and the attempt cookie; a business signs up on
	 * {@code /sign-up} and identity has its workspace with the owner, active; nothing under {@code /api/**} is
	 * reached without a session.
	 */
	@Test
	void theBackOfficeGatewaysSignInAndSignUpFormsReachIdentity() throws Exception {
		try (BackOfficeBrowser browser = new BackOfficeBrowser(stack.url(Service.BACKOFFICE))) {
			assertThat(browser.get("/").statusCode()).isEqualTo(302);
			assertThat(browser.get("/sign-in").body()).contains("Create a workspace");

			HttpResponse<String> codeForm = browser.submit("/sign-in", Map.of("email", DemoSeeder.OWNER_EMAIL));
			assertThat(codeForm.statusCode()).as(codeForm.body()).isEqualTo(200);
			assertThat(codeForm.body()).contains("Check your email", DemoSeeder.OWNER_EMAIL);
			assertThat(browser.cookie("__Host-coastline-staff-attempt")).isNotBlank();
			// The code arrives by email (identity → notification-service → SMTP) and signs the owner in; the
			// session cookie then reads the workspace's project through the gateway's route.
			await().atMost(EMAIL).until(() -> !stack.inbox().mailsTo(DemoSeeder.OWNER_EMAIL).isEmpty());
			List<MailInbox.Mail> codes = stack.inbox().mailsTo(DemoSeeder.OWNER_EMAIL);
			Matcher code = STAFF_CODE.matcher(codes.get(codes.size() - 1).subject());
			assertThat(code.find()).as(codes.get(codes.size() - 1).subject()).isTrue();
			HttpResponse<String> signedIn = browser.submit("/sign-in/code", Map.of("code", code.group(1)));
			assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
			assertThat(browser.cookie("__Host-coastline-staff-session")).isNotBlank();
			HttpResponse<String> project = browser.get("/api/projects/" + demo.projectId());
			assertThat(project.statusCode()).as(project.body()).isEqualTo(200);
			assertThat(project.body()).contains(demo.projectId().toString());
			assertThat(browser.get("/").body()).contains("Signed in as", DemoSeeder.OWNER_EMAIL);
			assertThat(browser.submit("/sign-out", Map.of()).statusCode()).isEqualTo(302);

			String name = "Harbour Decks " + UUID.randomUUID();
			String owner = "owner-" + UUID.randomUUID() + "@example.com";
			assertThat(browser.get("/sign-up").statusCode()).isEqualTo(200);
			HttpResponse<String> signedUp = browser.submit("/sign-up", Map.of("workspaceName", name, "timeZone",
					"America/Vancouver", "currency", "CAD", "ownerEmail", owner, "ownerName", "Robin Hale"));
			assertThat(signedUp.statusCode()).as(signedUp.body()).isEqualTo(200);
			assertThat(signedUp.body()).contains("Check your email", owner);
			JsonNode workspaces = api.get(stack.url(Service.IDENTITY) + "/api/workspaces?name=" + Api.query(name),
					api.token()).require(200);
			JsonNode workspace = Api.first(workspaces).orElseThrow();
			assertThat(workspace.path("timeZone").asString()).isEqualTo("America/Vancouver");
			assertThat(workspace.path("currency").asString()).isEqualTo("CAD");
			UUID workspaceId = UUID.fromString(workspace.path("id").asString());
			assertThat(api.get(stack.url(Service.IDENTITY) + "/api/staff", api.token(workspaceId)).require(200))
				.singleElement()
				.satisfies(member -> {
					assertThat(member.path("email").asString()).isEqualTo(owner);
					assertThat(member.path("role").asString()).isEqualTo("OWNER");
					assertThat(member.path("status").asString()).isEqualTo("ACTIVE");
				});

			assertThat(browser.get("/api/projects/" + demo.projectId()).statusCode()).isEqualTo(401);
		}
	}

	@ParameterizedTest
	@EnumSource(Service.class)
	void everyApiRefusesCallsWithoutAToken(Service service) throws Exception {
		String path = switch (service) {
			case IDENTITY -> "/api/workspaces/" + demo.workspaceId();
			case PROJECT -> "/api/projects/" + demo.projectId();
			case MEDIA -> "/api/projects/" + demo.projectId() + "/photos";
			case AUTOMATION -> "/api/automations";
			case NOTIFICATION -> "/api/deliveries/" + UUID.randomUUID();
			case PORTAL -> "/api/portal-profile";
			// Without a staff session the gateway forwards nothing (401 problem).
			case BACKOFFICE -> "/api/projects/" + demo.projectId();
		};
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.url(service) + path))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(401);
		}
	}

	private static final Pattern STAFF_CODE = Pattern.compile("^([0-9]{6}) is your sign-in code for ");

	private static final List<String> SERIAL_NUMBERS = List.of(DemoSeeder.CREW_PHONE.serialNumber(),
			DemoSeeder.ESTIMATOR_CAMERA.serialNumber());

	/** No EXIF at all (so no GPS, serial number, make or model), nor any of the demo cameras' strings. */
	private static void assertHasNoLocationOrCamera(byte[] jpeg) throws Exception {
		assertThat(jpeg).startsWith(0xFF, 0xD8);
		Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(jpeg));
		assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
		assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
		assertThat(metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class)).isNull();
		String raw = new String(jpeg, StandardCharsets.ISO_8859_1);
		for (DemoFiles.Camera camera : List.of(DemoSeeder.CREW_PHONE, DemoSeeder.ESTIMATOR_CAMERA)) {
			assertThat(raw).doesNotContain(camera.serialNumber()).doesNotContain(camera.model());
		}
		assertThat(raw).doesNotContain("Exif\u0000\u0000");
	}

	/**
	 * A client token of the contact, got as the portal gateway does it: a sign-in link issued by the back
	 * office (once identity has heard of the contact), redeemed, and the session swapped for a client JWT.
	 */
	private static String clientTokenOf(UUID contact) {
		String identity = stack.url(Service.IDENTITY);
		String admin = api.token(demo.workspaceId());
		String links = identity + "/api/contacts/" + contact + "/links";
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
			.until(() -> api.post(links, Map.of(), admin).status() != 404);
		String link = api.post(links, Map.of(), admin).require(201).path("token").asString();
		Api gateway = Api.portalGateway(identity);
		String session = gateway.post(identity + "/internal/links/redeem",
				Map.of("token", link, "ip", "203.0.113.9", "userAgent", "LocalStackPipelineTest"),
				gateway.token("gateway")).require(201).path("sessionId").asString();
		return gateway.post(identity + "/internal/sessions/token", Map.of("sessionId", session),
				gateway.token("gateway")).require(200).path("accessToken").asString();
	}

	private void createAutomation(String token, String name, boolean enabled) {
		Map<String, Object> automation = new java.util.HashMap<>(DemoSeeder.approvedProjectAutomation(name));
		automation.put("enabled", enabled);
		api.post(stack.url(Service.AUTOMATION) + "/api/automations", automation, token).require(201);
	}

	private Client newClientWithProject(UUID workspace) {
		String token = api.token(workspace);
		String email = "client-" + UUID.randomUUID() + "@example.com";
		UUID contact = UUID.fromString(api.post(stack.url(Service.PROJECT) + "/api/contacts",
				Map.of("firstName", "Sam", "lastName", "Okafor", "email", email), token).require(201).get("id").asString());
		UUID project = UUID.fromString(api.post(stack.url(Service.PROJECT) + "/api/projects",
				Map.of("name", "Deck " + UUID.randomUUID(), "primaryContactId", contact), token)
			.require(201).get("id").asString());
		return new Client(workspace, email, project);
	}

	/** The duplicates the service's consumers skipped, all instances together (either may hold the record's partition). */
	private double skippedDuplicates(Service service) {
		try (HttpClient http = HttpClient.newHttpClient()) {
			double skipped = 0;
			for (ServiceProcess instance : stack.instances(service)) {
				String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
						+ instance.managementPort() + "/actuator/prometheus"))
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.ofString()).body();
				skipped += metrics.lines()
					.filter(line -> line.startsWith("coastline_messaging_duplicates_skipped_total"))
					.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
					.sum();
			}
			return skipped;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Client(UUID workspaceId, String email, UUID projectId) {

		void approve() {
			api.post(stack.url(Service.PROJECT) + "/api/projects/" + projectId + "/approve", null,
					api.token(workspaceId)).require(200);
		}

		int mails() {
			return stack.inbox().mailsTo(email).size();
		}
	}

	/** identity-service's topic and the event a redeemed link publishes (identity-api is not a dependency here). */
	private static final String IDENTITY_EVENTS = "identity.events";

	private static final String CLIENT_SIGNED_IN = "coastline.identity.ClientSignedIn.v1";

	private static final Path OBSERVABILITY = Path.of("../../deploy/observability");

	private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	/**
	 * Issue 11: every metric a Grafana dashboard or an alert rule of {@code deploy/observability} queries is
	 * exported by the running services, each dashboard's by its own service and the alert rules' by at least
	 * one. The names queried are the names of {@code exported-metrics.txt} that occur in the PromQL
	 * (deploy/checks makes sure no other metric name occurs there). Meters registered on first use are made
	 * to appear first: a project approved (an automation run, an email), its link redeemed, its records
	 * delivered again (duplicates skipped), an unreadable record on each consumed topic (dead letters), and a
	 * request to every API.
	 */
	@Test
	void everyMetricTheDashboardsAndAlertsQueryIsExportedByTheRunningServices() throws Exception {
		Set<String> listed = Files.readAllLines(OBSERVABILITY.resolve("exported-metrics.txt"))
			.stream()
			.filter(line -> !line.isBlank() && !line.startsWith("#"))
			.map(line -> line.split("\\s+")[0])
			.collect(Collectors.toCollection(TreeSet::new));
		Map<Service, Set<String>> dashboards = new EnumMap<>(Service.class);
		for (Service service : Service.values()) {
			List<String> expressions = new ArrayList<>();
			collectExpressions(JsonMapper.shared()
				.readTree(Files.readString(OBSERVABILITY.resolve("grafana/" + service.applicationName() + ".json")))
				.path("panels"), expressions);
			dashboards.put(service, metricNames(expressions, listed));
		}
		Set<String> alerts = metricNames(Files.readAllLines(OBSERVABILITY.resolve("alert-rules.yml"))
			.stream()
			.filter(line -> !line.strip().startsWith("#"))
			.toList(), listed);
		assertThat(dashboards.get(Service.IDENTITY)).contains("http_server_requests_seconds_count",
				"coastline_identity_sign_ins_total", "coastline_identity_links_issued_total");
		assertThat(alerts).contains("coastline_messaging_dead_letters_total", "coastline_notification_emails_total");

		makeMetersRegisteredOnFirstUseAppear();

		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			Set<String> exportedBySome = new TreeSet<>();
			for (Service service : Service.values()) {
				Set<String> exported = exportedMetricNames(service);
				exportedBySome.addAll(exported);
				assertThat(exported).as(service.applicationName() + " exports what its dashboard queries")
					.containsAll(dashboards.get(service));
			}
			assertThat(exportedBySome).as("the services export what the alert rules query").containsAll(alerts);
		});
	}

	private void makeMetersRegisteredOnFirstUseAppear() throws IOException, InterruptedException {
		Client client = newClientWithProject(demo.workspaceId());
		client.approve();
		await().atMost(EMAIL).until(() -> client.mails() == 1);
		String contact = PortalLinkInEmail
			.redeem(stack, PortalLinkInEmail.url(stack.inbox().mailsTo(client.email()).get(0).text()))
			.path("contactId")
			.asString();
		String project = client.projectId().toString();
		topics.await(IDENTITY_EVENTS,
				r -> CLIENT_SIGNED_IN.equals(header(r, "ce_type")) && r.value().contains(contact));
		topics.await(NotificationTopics.COMMANDS, r -> r.value().contains(project));
		for (String topic : List.of(ProjectTopics.EVENTS, IDENTITY_EVENTS, NotificationTopics.COMMANDS)) {
			topics.readAll(topic)
				.stream()
				.filter(r -> header(r, "ce_id") != null && (r.value().contains(project)
						|| r.value().contains(contact) || r.value().contains(client.email())))
				.forEach(topics::resend);
			topics.send(topic, UUID.randomUUID().toString(), "not an event", Map.of());
		}
		try (HttpClient http = HttpClient.newHttpClient()) {
			for (Service service : Service.values()) {
				// Without a token: 401, and the HTTP meters of every service exist.
				http.send(HttpRequest.newBuilder(URI.create(stack.url(service) + "/api/not-there"))
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.discarding());
			}
		}
	}

	/**
	 * The series names of the service's Prometheus scrapes (management ports), all instances together as Prometheus
	 * sees them: a meter registered on first use exists on the instance that used it (a record on a partition
	 * that the other identity-service instance consumes).
	 */
	private static Set<String> exportedMetricNames(Service service) throws IOException, InterruptedException {
		Set<String> names = new TreeSet<>();
		try (HttpClient http = HttpClient.newHttpClient()) {
			for (ServiceProcess instance : stack.instances(service)) {
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
						+ instance.managementPort() + "/actuator/prometheus"))
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).isEqualTo(200);
				response.body()
					.lines()
					.filter(line -> !line.isBlank() && !line.startsWith("#"))
					.map(line -> line.split("[{ ]", 2)[0])
					.forEach(names::add);
			}
		}
		return names;
	}

	/** The names of {@code known} that occur as identifiers in the texts. */
	private static Set<String> metricNames(List<String> texts, Set<String> known) {
		return texts.stream()
			.flatMap(text -> IDENTIFIER.matcher(text).results().map(match -> match.group()))
			.filter(known::contains)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static void collectExpressions(JsonNode panels, List<String> expressions) {
		for (JsonNode panel : panels) {
			for (JsonNode target : panel.path("targets")) {
				expressions.add(target.path("expr").asString());
			}
			collectExpressions(panel.path("panels"), expressions);
		}
	}
}
