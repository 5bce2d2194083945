package com.coastline.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code deploy/local/start}: starts the whole system on this machine, seeds the demo workspace, prints
 * where everything is, and stops it all on Ctrl-C. Data stays in {@code .local/} between starts.
 */
public final class LocalLauncher {

	private LocalLauncher() {
	}

	public static void main(String[] args) throws InterruptedException {
		Path root = Path.of(System.getProperty("coastline.local.root", ".")).toAbsolutePath().normalize();
		Path data = Path.of(System.getProperty("coastline.local.data", root.resolve(".local").toString()));
		long started = System.nanoTime();
		System.out.println("Starting PostgreSQL, Kafka, SMTP and the services (data in " + data + ") …");
		LocalStack stack = LocalStack.builder(root).dataDir(data).start();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("Stopping everything …");
			stack.close();
			stopped.countDown();
		}, "local-stack-shutdown"));
		DemoSeeder.Demo demo = new DemoSeeder(stack).seed();
		System.out.println(summary(stack, demo, Duration.ofNanos(System.nanoTime() - started)));
		stopped.await();
	}

	static String summary(LocalStack stack, DemoSeeder.Demo demo, Duration startTime) {
		Ports ports = stack.ports();
		StringBuilder out = new StringBuilder("\n");
		out.append("Coastline Portal is running (started in %d s). Ctrl-C stops everything.%n%n"
			.formatted(startTime.toSeconds()));
		out.append("  %-22s %s%n".formatted("what", "where"));
		for (Service service : Service.values()) {
			out.append("  %-22s %s  (health: http://127.0.0.1:%d/actuator/health)%n".formatted(
					service.applicationName(), stack.url(service), stack.service(service).managementPort()));
		}
		out.append("  %-22s http://127.0.0.1:%d   (JSON: /api/messages)%n".formatted("email inbox", ports.inbox()));
		out.append("  %-22s smtp://127.0.0.1:%d%n".formatted("SMTP", ports.smtp()));
		out.append("  %-22s jdbc:postgresql://127.0.0.1:%d/<service>_service (user postgres)%n"
			.formatted("PostgreSQL", ports.postgres()));
		out.append("  %-22s %s%n%n".formatted("Kafka", stack.kafka().bootstrapServers()));
		out.append("Demo data:%n".formatted());
		out.append("  workspace   %s  %s%n".formatted(demo.workspaceId(), DemoSeeder.WORKSPACE));
		out.append("  contact     %s  Dana Reyes <%s>%n".formatted(demo.contactId(), DemoSeeder.CONTACT_EMAIL));
		out.append("  project     %s  %s%n".formatted(demo.projectId(), DemoSeeder.PROJECT));
		out.append("              %s%n".formatted(media(demo.media())));
		out.append("  project     %s  %s (estimating: estimate %s sent, a visit done, one next week)%n"
			.formatted(demo.kitchen().projectId(), DemoSeeder.KITCHEN_PROJECT, demo.kitchen().estimateId()));
		out.append("              %s%n".formatted(media(demo.kitchen().media())));
		out.append("  automation  %s  %s%n".formatted(demo.automationId(), DemoSeeder.AUTOMATION));
		out.append("  portal      %s/p/%s  (active; its profile: GET %s/api/portal-profile)%n"
			.formatted(stack.url(Service.PORTAL), DemoSeeder.PORTAL_SLUG, stack.url(Service.PORTAL)));
		out.append("  owner       %s  %s <%s>%n%n".formatted(demo.ownerId(), DemoSeeder.OWNER_NAME, DemoSeeder.OWNER_EMAIL));
		out.append("The back office: http://localhost:%d/sign-in as %s (the code arrives in the inbox),%n"
			.formatted(ports.backoffice(), DemoSeeder.OWNER_EMAIL));
		out.append("or create a workspace of your own at http://localhost:%d/sign-up.%n%n".formatted(ports.backoffice()));
		out.append("An admin token for the demo workspace (valid 5 minutes):%n".formatted());
		out.append("  TOKEN=$(curl -s -u admin:local-admin-secret -d grant_type=client_credentials -d scope=admin \\%n"
			.formatted());
		out.append("    -d workspace_id=%s %s/oauth2/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')%n"
			.formatted(demo.workspaceId(), stack.url(Service.IDENTITY)));
		out.append("Approve the demo project, then watch the inbox:%n".formatted());
		out.append("  curl -X POST -H \"Authorization: Bearer $TOKEN\" %s/api/projects/%s/approve%n"
			.formatted(stack.url(Service.PROJECT), demo.projectId()));
		out.append("The kitchen remodel's photos (back office; the original of each keeps its GPS EXIF):%n".formatted());
		out.append("  curl -H \"Authorization: Bearer $TOKEN\" %s/api/projects/%s/photos%n"
			.formatted(stack.url(Service.MEDIA), demo.kitchen().projectId()));
		return out.toString();
	}

	private static String media(DemoSeeder.Media media) {
		return "photos: %d on the customer portal, %d internal; documents shared: %d".formatted(
				media.portalPhotos().size(), media.privatePhotos().size(), media.sharedDocuments().size());
	}
}
