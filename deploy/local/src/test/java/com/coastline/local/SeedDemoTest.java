package com.coastline.local;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * docker-compose's {@code demo-seed} entry point without a stack: what it reads from the environment, its
 * clear failures (a variable missing, a service not reachable within the wait) and that the seeder it runs
 * calls the services at those URLs as the admin client with that secret. The seeding itself runs against
 * real services in {@link LocalStackPipelineTest}, through the same {@link ServiceUrls}.
 */
class SeedDemoTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private HttpServer server;

	@AfterEach
	void stopServer() {
		if (server != null) {
			server.stop(0);
		}
	}

	@Test
	void readsEveryServicesUrlAndTheAdminSecret() {
		SeedDemo.Target target = SeedDemo.target(environment("http://identity-service:8082/"));

		assertThat(target.url(Service.IDENTITY)).isEqualTo("http://identity-service:8082");
		assertThat(target.url(Service.PROJECT)).isEqualTo("http://project-service:8083");
		assertThat(target.url(Service.MEDIA)).isEqualTo("http://media-service:8084");
		assertThat(target.url(Service.PORTAL)).isEqualTo("http://portal-service:8080");
		assertThat(target.url(Service.AUTOMATION)).isEqualTo("http://automation-service:8085");
		assertThat(target.adminClientSecret()).isEqualTo("compose-secret");
		assertThat(target.reachableWithin()).isEqualTo(SeedDemo.DEFAULT_WAIT);
		assertThat(target.toString()).doesNotContain("compose-secret");
		assertThat(target.urls()).containsOnlyKeys(DemoSeeder.SERVICES);
		assertThatIllegalArgumentException().isThrownBy(() -> target.url(Service.NOTIFICATION))
			.withMessageContaining("NOTIFICATION_URL");
	}

	@Test
	void namesEveryMissingVariableAndExitsWith2() {
		Map<String, String> env = Map.of("IDENTITY_URL", "http://identity-service:8082", "MEDIA_URL", " ");

		assertThat(SeedDemo.run(env, print(out), print(err))).isEqualTo(2);

		assertThat(err.toString(StandardCharsets.UTF_8))
			.startsWith("demo-seed: missing environment variables PROJECT_URL, MEDIA_URL, PORTAL_URL, AUTOMATION_URL, "
					+ "ADMIN_CLIENT_SECRET");
		assertThat(out.size()).isZero();
	}

	@Test
	void rejectsWhatIsNotAnHttpUrlOrANumberOfSeconds() {
		Map<String, String> env = environment("identity-service:8082");
		env.put("SEED_WAIT_SECONDS", "soon");

		assertThatIllegalArgumentException().isThrownBy(() -> SeedDemo.target(env))
			.withMessageContaining("IDENTITY_URL is not an http(s) URL: identity-service:8082")
			.withMessageContaining("SEED_WAIT_SECONDS is not a number of seconds: soon")
			.withMessageNotContaining("missing");
	}

	@Test
	void aServiceNotReachableWithinTheWaitFailsWithItsNameAndExitsWith1() throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		Map<String, String> env = environment("http://127.0.0.1:" + closed);
		env.put("SEED_WAIT_SECONDS", "1");
		long started = System.nanoTime();

		assertThat(SeedDemo.run(env, print(out), print(err))).isEqualTo(1);

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("demo-seed: seeding failed: identity-service is "
				+ "not reachable at http://127.0.0.1:" + closed + " after 1 s (IDENTITY_URL): connection refused");
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("waiting for identity-service");
	}

	/**
	 * All five URLs on one fake server under different paths: the seeder asks the identity URL for a token
	 * as {@code admin} with the secret from the environment, and stops with identity's answer when refused.
	 */
	@Test
	void seedsThroughTheGivenUrlsAsTheAdminClient() throws IOException {
		List<String> calls = new CopyOnWriteArrayList<>();
		List<String> authorizations = new CopyOnWriteArrayList<>();
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
			if (exchange.getRequestURI().getPath().endsWith("/oauth2/token")) {
				authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
			}
			byte[] body = "{\"error\":\"invalid_client\"}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(exchange.getRequestURI().getPath().endsWith("/oauth2/token") ? 401 : 404,
					body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		String base = "http://127.0.0.1:" + server.getAddress().getPort();
		Map<String, String> env = new HashMap<>();
		for (Service service : DemoSeeder.SERVICES) {
			env.put(SeedDemo.variable(service), base + "/" + service.shortName());
		}
		env.put("ADMIN_CLIENT_SECRET", "compose-secret");

		assertThat(SeedDemo.run(env, print(out), print(err))).isEqualTo(1);

		assertThat(calls).contains("GET /identity/", "GET /project/", "GET /media/", "GET /portal/", "GET /automation/",
				"POST /identity/oauth2/token");
		assertThat(authorizations).containsExactly("Basic "
				+ Base64.getEncoder().encodeToString("admin:compose-secret".getBytes(StandardCharsets.UTF_8)));
		assertThat(err.toString(StandardCharsets.UTF_8))
			.startsWith("demo-seed: seeding failed: Expected 200 but got 401: {\"error\":\"invalid_client\"}");
	}

	/**
	 * The seeder's image holds the launcher jar and only the libraries its dockerignore lets through: on a class
	 * path of just those (taken from this test's), the photos are drawn, JSON is written and the entry point runs.
	 */
	@Test
	void runsOnTheClassPathOfItsImage() throws Exception {
		Path ignore = Path.of("../../deploy/docker/Dockerfile.seed.dockerignore");
		List<PathMatcher> libraries = Files.readAllLines(ignore)
			.stream()
			.filter(line -> line.startsWith("!deploy/local/target/lib/"))
			.map(line -> FileSystems.getDefault()
				.getPathMatcher("glob:" + line.substring("!deploy/local/target/lib/".length())))
			.toList();
		assertThat(libraries).isNotEmpty();
		List<String> classPath = new ArrayList<>(List.of(Path.of("target/classes").toAbsolutePath().toString(),
				Path.of("target/test-classes").toAbsolutePath().toString()));
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			Path jar = Path.of(entry).getFileName();
			if (jar != null && libraries.stream().anyMatch(library -> library.matches(jar))) {
				classPath.add(entry);
			}
		}
		assertThat(classPath).as("every library the image lets through is on this test's class path")
			.hasSize(2 + libraries.size());
		ProcessBuilder child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
				"-Djava.awt.headless=true", "-cp", String.join(File.pathSeparator, classPath),
				SeedImageClassPath.class.getName()).redirectErrorStream(true);
		child.environment().keySet().removeIf(name -> name.endsWith("_URL") || name.equals("ADMIN_CLIENT_SECRET"));
		Process process = child.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(output).contains("drew and wrote").contains("demo-seed: missing environment variables IDENTITY_URL");
		assertThat(process.exitValue()).as(output).isEqualTo(2);
	}

	/** The environment docker-compose gives the container, with this identity URL. */
	private static Map<String, String> environment(String identityUrl) {
		Map<String, String> env = new HashMap<>();
		env.put("IDENTITY_URL", identityUrl);
		env.put("PROJECT_URL", "http://project-service:8083");
		env.put("MEDIA_URL", "http://media-service:8084/");
		env.put("PORTAL_URL", "http://portal-service:8080");
		env.put("AUTOMATION_URL", "http://automation-service:8085");
		env.put("ADMIN_CLIENT_SECRET", "compose-secret");
		return env;
	}

	private static PrintStream print(ByteArrayOutputStream bytes) {
		return new PrintStream(bytes, true, StandardCharsets.UTF_8);
	}
}
