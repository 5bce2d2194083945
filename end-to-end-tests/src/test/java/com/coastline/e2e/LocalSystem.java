package com.coastline.e2e;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
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

import static org.awaitility.Awaitility.await;

/**
 * The whole system the journeys run against, started once per test JVM by {@link EndToEndExtension}: every
 * service as its own JVM on free ports, with a real PostgreSQL, Kafka broker and SMTP server (the
 * launcher's {@link LocalStack}), and the demo workspace seeded through the public APIs. The helpers do
 * what the back office and the client's mailbox would: mint a client's one-tap link, read a sign-in code
 * from the email that arrived.
 */
public final class LocalSystem implements AutoCloseable {

	/** How long an email may take: identity or automation, Kafka, notification-service, SMTP. */
	public static final Duration EMAIL = Duration.ofSeconds(90);

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
