package com.coastline.deploy.checks;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static com.coastline.deploy.checks.Repository.path;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml is valid for Compose ({@code docker-compose config -q}, no daemon needed) and, as
 * Compose resolves it: every service built from deploy/docker/Dockerfile, with a health check on its
 * management port, started only once PostgreSQL and Kafka are healthy, on a database the init script
 * creates; the one-shot demo seeder after the services it calls.
 */
class DockerComposeTest {

	@Test
	void composeFileIsValid() {
		Repository.Result result = compose("config", "-q");
		assertThat(result.exitCode()).as("docker-compose config -q:\n" + result.output()).isZero();
	}

	@Test
	void everyServiceIsBuiltHealthCheckedAndStartedInOrder() {
		Repository.Result result = compose("config");
		assertThat(result.exitCode()).as(result.output()).isZero();
		Map<String, Map<String, Object>> services = path(Repository.yamlDocuments(result.output()).get(0), "services");
		assertThat(services).containsKeys("postgres", "kafka", "mailpit");
		String init = Repository.read(Repository.ROOT.resolve("deploy/docker/postgres/init-databases.sql"));
		for (String name : Repository.SERVICES) {
			Map<String, Object> service = services.get(name);
			assertThat(service).as(name).isNotNull();
			assertThat((String) path(service, "build.dockerfile")).isEqualTo("deploy/docker/Dockerfile");
			assertThat((String) path(service, "build.args.MODULE")).isEqualTo(Repository.module(name));
			int port = Integer.parseInt(String.valueOf((Object) path(service, "build.args.PORT")));
			int management = Integer.parseInt(String.valueOf((Object) path(service, "build.args.MANAGEMENT_PORT")));
			assertThat(management).isEqualTo(port + 1000);
			List<String> test = path(service, "healthcheck.test");
			assertThat(String.join(" ", test)).contains("http://127.0.0.1:" + management + "/actuator/health/readiness");
			Map<String, Map<String, String>> dependsOn = path(service, "depends_on");
			assertThat(dependsOn).containsKeys("postgres", "kafka");
			dependsOn.values().forEach(d -> assertThat(d).containsEntry("condition", "service_healthy"));
			if (!name.equals("identity-service")) {
				assertThat(dependsOn).containsKey("identity-service");
			}
			Matcher database = Pattern.compile("/(\\w+_service)$").matcher((String) path(service, "environment.DATABASE_URL"));
			assertThat(database.find()).isTrue();
			assertThat(init).contains("create database " + database.group(1) + ";");
		}
		// The customer portal is the one service published on every interface (Compose prints the long syntax).
		List<Map<String, Object>> ports = path(services.get("portal-service"), "ports");
		assertThat(ports).anySatisfy(p -> {
			assertThat(p.get("published")).hasToString("8080");
			assertThat(p.get("target")).hasToString("8080");
		});
		assertThat((String) path(services.get("notification-service"), "environment.SMTP_HOST")).isEqualTo("mailpit");
	}

	/**
	 * The demo seeder: one run (no restart), built from its own Dockerfile, started once every service it calls
	 * is healthy, each reached by its Compose name and port, as the admin client with the secret
	 * identity-service is given.
	 */
	@Test
	void demoSeedRunsOnceTheServicesItCallsAreHealthy() {
		Repository.Result result = compose("config");
		assertThat(result.exitCode()).as(result.output()).isZero();
		Map<String, Map<String, Object>> services = path(Repository.yamlDocuments(result.output()).get(0), "services");
		Map<String, Object> seed = services.get("demo-seed");
		assertThat(seed).as("demo-seed").isNotNull();
		assertThat((Object) path(seed, "restart")).hasToString("no");
		assertThat((String) path(seed, "build.dockerfile")).isEqualTo("deploy/docker/Dockerfile.seed");
		Map<String, Map<String, String>> dependsOn = path(seed, "depends_on");
		List<String> called = List.of("identity-service", "project-service", "media-service", "portal-service",
				"automation-service");
		assertThat(dependsOn).containsOnlyKeys(called);
		dependsOn.values().forEach(d -> assertThat(d).containsEntry("condition", "service_healthy"));
		for (String name : called) {
			String variable = name.substring(0, name.indexOf('-')).toUpperCase(Locale.ROOT) + "_URL";
			Object port = path(services.get(name), "build.args.PORT");
			assertThat((String) path(seed, "environment." + variable)).as(variable)
				.isEqualTo("http://" + name + ":" + port);
		}
		String secret = path(seed, "environment.ADMIN_CLIENT_SECRET");
		assertThat(secret).isNotBlank()
			.isEqualTo(path(services.get("identity-service"), "environment.ADMIN_CLIENT_SECRET"));
		// Both read the same variable: a secret set for `docker compose up` reaches identity and the seeder alike.
		String file = Repository.read(Repository.ROOT.resolve("docker-compose.yml"));
		assertThat(file.split("ADMIN_CLIENT_SECRET: \\$\\{ADMIN_CLIENT_SECRET:-", -1)).hasSize(3);
	}

	private static Repository.Result compose(String... arguments) {
		String[] command = new String[arguments.length + 3];
		command[0] = "docker-compose";
		command[1] = "-f";
		command[2] = "docker-compose.yml";
		System.arraycopy(arguments, 0, command, 3, arguments.length);
		return Repository.run(Duration.ofSeconds(30), Repository.ROOT, command);
	}
}
