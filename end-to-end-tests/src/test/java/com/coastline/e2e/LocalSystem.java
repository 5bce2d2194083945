package com.coastline.e2e;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.coastline.local.Api;
import com.coastline.local.DemoSeeder;
import com.coastline.local.LocalStack;
import com.coastline.local.MailInbox;
import com.coastline.local.Ports;
import com.coastline.local.Service;
import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * The whole system the journeys run against, started once per test JVM by {@link EndToEndExtension}: every
 * service as its own JVM on free ports, with a real PostgreSQL, Kafka broker and SMTP server (the
 * launcher's {@link LocalStack}), and the demo workspace seeded through the public APIs. The helpers do
 * what the back office and the client's mailbox would: mint a client's one-tap link, read a sign-in code
 * from the email that arrived.
 * <p>
 * Two settings differ from the launcher's: the portal's pages reuse a session's client token for at most
 * {@link #TOKEN_REUSE} (30 s by default, portal-service's README), so that the journeys where identity-service ends a
 * session (link revocation, portal deactivation) see the client signed out at a page that soon after; and a page
 * waits up to {@link #SERVICE_TIMEOUT} for each service it asks (600 ms by default), so that a journey follows its
 * path on a busy build machine instead of meeting a section shown as unavailable (CI, 2026-12-02: project-service
 * answered after 700 ms while the system tests' thirteen JVMs started beside, and the estimate page came without its
 * approval form). The unavailable sections are portal-service's own tests' subject (a stalled service).
 */
public final class LocalSystem implements AutoCloseable {

	/** How long an email may take: identity or automation, Kafka, notification-service, SMTP. */
	public static final Duration EMAIL = Duration.ofSeconds(90);

	/** portal-service's {@code coastline.portal.pages.token-reuse} in this system. */
	public static final Duration TOKEN_REUSE = Duration.ofSeconds(5);

	/** portal-service's {@code coastline.portal.pages.service-timeout} in this system. */
	public static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(5);

	/** The sign-in code email's subject: "123456 is your sign-in code for Summit Roofing (demo)". */
	private static final Pattern CODE_SUBJECT = Pattern.compile("^([0-9]{6}) is your sign-in code for ");

	private final LocalStack stack;

	private final Api api;

	private final DemoSeeder.Demo demo;

	private LocalSystem(LocalStack stack) {
		this.stack = stack;
		this.api = Api.admin(stack.url(Service.IDENTITY));
		this.demo = new DemoSeeder(stack).seed();
	}

	/** Starts everything from the repository's root (the services' jars under each module's target/). */
	static LocalSystem start(Path repositoryRoot, Path target) {
		try {
			Files.createDirectories(target);
			PrintStream log = new PrintStream(new FileOutputStream(target.resolve("local-stack.log").toFile()), true);
			LocalStack stack = LocalStack.builder(repositoryRoot)
				.dataDir(Files.createTempDirectory(target, "local-stack-"))
				.ports(Ports.random())
				// One JVM starting at a time, where the system tests' stack starts two: the build starts both stacks at
				// once, and the system tests' (thirteen JVMs, 434 s to start in the CI rehearsal of 2026-12-02, then 9
				// minutes of tests) are the build's longest path; the journeys finished 3.7 minutes before them.
				.startConcurrency(1)
				.env(Service.PORTAL, "COASTLINE_PORTAL_PAGES_TOKEN_REUSE", TOKEN_REUSE.toSeconds() + "s")
				.env(Service.PORTAL, "COASTLINE_PORTAL_PAGES_SERVICE_TIMEOUT", SERVICE_TIMEOUT.toSeconds() + "s")
				.log(log)
				.start();
			try {
				return new LocalSystem(stack);
			}
			catch (RuntimeException ex) {
				stack.close();
				throw ex;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public DemoSeeder.Demo demo() {
		return this.demo;
	}

	public Api api() {
		return this.api;
	}

	/** The service's API address (back-office calls from the test). */
	public String url(Service service) {
		return this.stack.url(service);
	}

	/**
	 * The demo portal's address as clients open it: {@code http://localhost:<port>/p/summit-roofing}, the
	 * host identity-service builds its links on (cookies are per host).
	 */
	public String portal() {
		return "http://localhost:" + this.stack.ports().portal() + "/p/" + DemoSeeder.PORTAL_SLUG;
	}

	/**
	 * A fresh one-tap link for the contact, as staff copy it in the back office ({@code POST
	 * /api/contacts/{id}/links} with a staff token), once identity-service has heard of the contact.
	 */
	public String linkFor(UUID workspace, UUID contact) {
		String token = this.api.token(workspace);
		String links = url(Service.IDENTITY) + "/api/contacts/" + contact + "/links";
		await("identity-service knows contact " + contact).atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> this.api.get(links, token).status() == 200);
		return this.api.post(links, Map.of(), token).require(201).path("url").asString();
	}

	/**
	 * A new workspace of its own, as a contractor who just signed up would have it: its Customer Portal at
	 * {@code http://localhost:<port>/p/<slug>} (a fresh address), opened to clients, and one client with one
	 * project. For journeys that change what a workspace's clients can do (revoking links, closing the
	 * portal), so that the demo workspace stays as the other journeys expect it.
	 */
	public Workspace newWorkspace(String name) {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		UUID workspace = UUID.fromString(this.api.post(url(Service.IDENTITY) + "/api/workspaces",
				Map.of("name", name + " " + suffix, "timeZone", "America/Denver", "currency", "USD"), this.api.token())
			.require(201)
			.path("id")
			.asString());
		String token = this.api.token(workspace);
		String slug = "e2e-" + suffix;
		String profile = url(Service.PORTAL) + "/api/portal-profile";
		// The portal names itself after the workspace, which it learns from identity's events: until then it asks
		// for a display name (422).
		await("the portal knows " + workspace).atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> this.api.put(profile, Map.of("slug", slug), token).status() == 200);
		this.api.post(profile + "/activate", null, token).require(200);
		String email = "client-" + suffix + "@example.com";
		UUID contact = UUID.fromString(this.api.post(url(Service.PROJECT) + "/api/contacts",
				Map.of("firstName", "Jordan", "lastName", "Lee", "email", email), token)
			.require(201)
			.path("id")
			.asString());
		String project = "Backyard deck " + suffix;
		this.api.post(url(Service.PROJECT) + "/api/projects", Map.of("name", project, "primaryContactId", contact),
				token).require(201);
		return new Workspace(workspace, slug, "http://localhost:" + this.stack.ports().portal() + "/p/" + slug,
				contact, email, project);
	}

	/**
	 * A fresh one-tap link for the workspace's client, once identity-service knows the contact and builds its
	 * links on the workspace's portal address (both learnt from Kafka): links minted before that are left as
	 * they are (they stay valid, and a revocation of all the contact's links ends them too).
	 */
	public String linkFor(Workspace workspace) {
		return await("a link on " + workspace.portal()).atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> linkFor(workspace.id(), workspace.contactId()),
					link -> link.startsWith(workspace.portal() + "/l/"));
	}

	/**
	 * Revokes all the client's links as the back office does ({@code DELETE /api/contacts/{id}/links} at
	 * identity-service with a token of the workspace), which also ends the sessions they opened.
	 */
	public void revokeLinks(Workspace workspace) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(url(Service.IDENTITY) + "/api/contacts/" + workspace.contactId() + "/links"))
			.header("Authorization", "Bearer " + this.api.token(workspace.id()))
			.timeout(Duration.ofSeconds(30))
			.DELETE()
			.build();
		try (HttpClient http = HttpClient.newHttpClient()) {
			int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			if (status != 204) {
				throw new IllegalStateException("Revoking the links of " + workspace.contactId() + " answered " + status);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The client's live sessions as identity-service lists them to the back office. */
	public List<JsonNode> sessionsOf(Workspace workspace) {
		return Api.items(this.api
			.get(url(Service.IDENTITY) + "/api/contacts/" + workspace.contactId() + "/sessions",
					this.api.token(workspace.id()))
			.require(200));
	}

	/**
	 * A workspace of a journey's own ({@link #newWorkspace}): its portal's address and its one client.
	 *
	 * @param id the workspace
	 * @param slug the portal's address at the portal
	 * @param portal {@code http://localhost:<port>/p/<slug>}
	 * @param contactId the client
	 * @param email the client's email
	 * @param project the client's one project's name
	 */
	public record Workspace(UUID id, String slug, String portal, UUID contactId, String email, String project) {
	}

	/** Every email that reached the SMTP server for the address. */
	public List<MailInbox.Mail> mailsTo(String address) {
		return this.stack.inbox().mailsTo(address);
	}

	/** The code of the newest sign-in code email to the address received since {@code after}, once it arrived. */
	public String latestCode(String address, Instant after) {
		return await("a sign-in code email to " + address).atMost(EMAIL)
			.pollInterval(Duration.ofMillis(250))
			.until(() -> mailsTo(address).stream()
				.filter(mail -> !mail.receivedAt().isBefore(after.minusSeconds(1)))
				.filter(mail -> CODE_SUBJECT.matcher(mail.subject()).find())
				.max(Comparator.comparing(MailInbox.Mail::receivedAt))
				.map(mail -> {
					Matcher code = CODE_SUBJECT.matcher(mail.subject());
					code.find();
					return code.group(1);
				}), Optional::isPresent)
			.orElseThrow();
	}

	@Override
	public void close() {
		this.stack.close();
	}
}
