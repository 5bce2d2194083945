package com.coastline.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Seeds the demo workspace into services someone else started (docker-compose's {@code demo-seed}
 * container): the {@link DemoSeeder}, given the services' URLs and the admin client's secret from the
 * environment instead of a {@link LocalStack}.
 * <pre>
 * IDENTITY_URL=http://identity-service:8082 PROJECT_URL=… MEDIA_URL=… PORTAL_URL=… AUTOMATION_URL=… \
 *     ADMIN_CLIENT_SECRET=… java -cp local-launcher.jar com.coastline.local.SeedDemo
 * </pre>
 * It waits until every service answers HTTP (at most {@code SEED_WAIT_SECONDS}, 180 by default), seeds,
 * and prints the demo's ids. Idempotent like the launcher's seeding: a second run creates nothing new.
 * Exit status: 0 seeded, 1 a service unreachable or a call failed, 2 the environment incomplete or wrong.
 */
public final class SeedDemo {

	/** The admin client's secret at identity-service (its {@code ADMIN_CLIENT_SECRET}). */
	public static final String ADMIN_CLIENT_SECRET = "ADMIN_CLIENT_SECRET";

	/** How long to wait for the services to answer, in seconds (optional). */
	public static final String WAIT_SECONDS = "SEED_WAIT_SECONDS";

	static final Duration DEFAULT_WAIT = Duration.ofMinutes(3);

	private SeedDemo() {
	}

	/**
	 * What the environment says: every {@link DemoSeeder#SERVICES service's} base URL and the admin client's
	 * secret.
	 */
	public record Target(Map<Service, String> urls, String adminClientSecret, Duration reachableWithin) implements ServiceUrls {

		public Target {
			urls = Collections.unmodifiableMap(new EnumMap<>(urls));
		}

		@Override
		public String url(Service service) {
			String url = urls.get(service);
			if (url == null) {
				throw new IllegalArgumentException(service.applicationName() + " has no URL (" + variable(service) + ")");
			}
			return url;
		}

		/** The secret is not printed. */
		@Override
		public String toString() {
			return "Target[urls=" + urls + ", reachableWithin=" + reachableWithin + "]";
		}
	}

	public static void main(String[] args) {
		System.exit(run(System.getenv(), System.out, System.err));
	}

	/** {@link #main} without the exit: the exit status. */
	static int run(Map<String, String> env, PrintStream out, PrintStream err) {
		Target target;
		try {
			target = target(env);
		}
		catch (IllegalArgumentException ex) {
			err.println("demo-seed: " + ex.getMessage());
			return 2;
		}
		try {
			awaitReachable(target, out);
		}
		catch (IllegalStateException ex) {
			err.println("demo-seed: seeding failed: " + ex.getMessage());
			return 1;
		}
		try {
			DemoSeeder.Demo demo = new DemoSeeder(target,
					Api.admin(target.url(Service.IDENTITY), target.adminClientSecret())).seed();
			out.println(summary(demo));
			return 0;
		}
		catch (RuntimeException ex) {
			err.println("demo-seed: seeding failed: " + ex.getMessage());
			ex.printStackTrace(err);
			return 1;
		}
	}

	/** The environment variable with a service's URL: {@code IDENTITY_URL}, {@code PROJECT_URL}, … */
	public static String variable(Service service) {
		return service.shortName().toUpperCase(Locale.ROOT) + "_URL";
	}

	/**
	 * Reads the URLs (absolute http or https, a trailing slash dropped) and the secret.
	 * @throws IllegalArgumentException naming every variable missing or wrong
	 */
	public static Target target(Map<String, String> env) {
		List<String> problems = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		Map<Service, String> urls = new EnumMap<>(Service.class);
		for (Service service : DemoSeeder.SERVICES) {
			String value = value(env, variable(service));
			if (value == null) {
				missing.add(variable(service));
				continue;
			}
			String url = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
			if (!isHttpUrl(url)) {
				problems.add(variable(service) + " is not an http(s) URL: " + value);
			}
			urls.put(service, url);
		}
		String secret = value(env, ADMIN_CLIENT_SECRET);
		if (secret == null) {
			missing.add(ADMIN_CLIENT_SECRET);
		}
		Duration wait = DEFAULT_WAIT;
		String seconds = value(env, WAIT_SECONDS);
		if (seconds != null) {
			try {
				wait = Duration.ofSeconds(Long.parseLong(seconds));
			}
			catch (NumberFormatException ex) {
				problems.add(WAIT_SECONDS + " is not a number of seconds: " + seconds);
			}
			if (wait.isNegative()) {
				problems.add(WAIT_SECONDS + " is negative: " + seconds);
			}
		}
		if (!missing.isEmpty()) {
			problems.add(0, "missing environment variable" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
					+ " (the services' base URLs, e.g. IDENTITY_URL=http://identity-service:8082, and the admin"
					+ " client's secret identity-service has)");
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		return new Target(urls, secret, wait);
	}

	/**
	 * Waits until every service answers HTTP at its base URL (any status: the services' health is
	 * docker-compose's {@code depends_on}; this covers being started without it).
	 * @throws IllegalStateException naming the first service still unreachable when the wait is over
	 */
	static void awaitReachable(Target target, PrintStream out) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + target.reachableWithin().toNanos();
		for (Service service : DemoSeeder.SERVICES) {
			String url = target.url(service);
			boolean waiting = false;
			while (true) {
				String failure = call(http, url);
				if (failure == null) {
					break;
				}
				if (System.nanoTime() - deadline >= 0) {
					throw new IllegalStateException(service.applicationName() + " is not reachable at " + url
							+ " after " + target.reachableWithin().toSeconds() + " s (" + variable(service) + "): " + failure);
				}
				if (!waiting) {
					out.println("demo-seed: waiting for " + service.applicationName() + " at " + url + " (" + failure
							+ ")");
					waiting = true;
				}
				sleep(Duration.ofMillis(Math.min(1000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000))));
			}
		}
	}

	/** Null when the URL answers HTTP; why not otherwise. */
	private static String call(HttpClient http, String url) {
		try {
			http.send(HttpRequest.newBuilder(URI.create(url + "/")).GET().timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.discarding());
			return null;
		}
		catch (ConnectException ex) {
			return "connection refused";
		}
		catch (IOException ex) {
			return ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String summary(DemoSeeder.Demo demo) {
		return """
				demo-seed: the demo workspace is there.
				  workspace   %s  %s
				  owner       %s  %s <%s> (signs in to the back office with the code from the inbox)
				  contact     %s  Dana Reyes <%s>
				  project     %s  %s
				  project     %s  %s
				  automation  %s  %s
				  portal      /p/%s""".formatted(demo.workspaceId(), DemoSeeder.WORKSPACE, demo.ownerId(),
				DemoSeeder.OWNER_NAME, DemoSeeder.OWNER_EMAIL, demo.contactId(), DemoSeeder.CONTACT_EMAIL,
				demo.projectId(), DemoSeeder.PROJECT, demo.kitchen().projectId(), DemoSeeder.KITCHEN_PROJECT,
				demo.automationId(), DemoSeeder.AUTOMATION, DemoSeeder.PORTAL_SLUG);
	}

	private static String value(Map<String, String> env, String name) {
		String value = env.get(name);
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static boolean isHttpUrl(String value) {
		try {
			URI uri = URI.create(value);
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
